package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.gantry.server.api.ApiClient.Response;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.workload.Workload;
import org.gantry.server.workload.WorkloadService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A measurement, not a timed test: the workload query at issue 12's scale, 200 people x 52 weeks x 20
 * projects. Each person works in three of the projects, on a full-time task every week and a half-time one
 * every other week (15,600 assignments, all in the year shown). The data is written with SQL (as an import
 * would, already scheduled), then the workload is computed as an admin (everyone), as a manager of all
 * twenty projects, for one project, by days over a quarter, and once through the REST API; the figures are
 * printed (cold first call, then the median of five). The assertions check only that the table is whole.
 */
class WorkloadBenchmarkIT extends ApiIntegrationTest {
    private static final int PEOPLE = 200;
    private static final int WEEKS = 52;
    private static final int PROJECTS = 20;
    private static final LocalDate FIRST_MONDAY = LocalDate.of(2026, 1, 5);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkloadService workload;

    @Test
    void theWorkloadOf200PeopleOver52WeeksIn20ProjectsIsMeasured() {
        String run = newKey().substring(1, 6);
        long began = System.nanoTime();
        jdbc.sql("insert into app_user (email, name, password_hash) select 'bench-' || :run || '-' || g || '@x.test',"
                        + " 'Bench person ' || lpad(g::text, 3, '0'), 'x' from generate_series(0, :people) g")
                .param("run", run.toLowerCase(Locale.ROOT))
                .param("people", PEOPLE)
                .update();
        jdbc.sql(
                        "insert into project (project_key, name, start_date, time_zone, currency) select 'B' || :run ||"
                                + " lpad(g::text, 2, '0'), 'Bench ' || g, :start, 'UTC', 'EUR' from generate_series(0, :last) g")
                .param("run", run)
                .param("start", FIRST_MONDAY)
                .param("last", PROJECTS - 1)
                .update();
        String people = "(select u.id as uid, row_number() over (order by u.id) - 1 as i from app_user u"
                + " where u.email like 'bench-" + run.toLowerCase(Locale.ROOT) + "-%' and u.name <> 'Bench person "
                + String.format("%03d", PEOPLE) + "')";
        String projects = "(select p.id as pid, row_number() over (order by p.id) - 1 as j from project p"
                + " where p.project_key like 'B" + run + "%')";
        jdbc.sql("insert into task_status (project_id, status_key, name, category, position, built_in)"
                        + " select pid, 'todo', 'To do', 'TO_DO', 1, true from " + projects + " x")
                .update();
        // Person i works in projects i, i+7 and i+13 (mod 20); person number 200 manages all twenty.
        jdbc.sql("insert into project_member (project_id, user_id, role) select x.pid, pe.uid, 'MEMBER' from " + people
                        + " pe, " + projects + " x where x.j in (pe.i % 20, (pe.i + 7) % 20, (pe.i + 13) % 20)")
                .update();
        jdbc.sql("insert into project_member (project_id, user_id, role) select x.pid, u.id, 'MANAGER' from "
                        + projects + " x, app_user u where u.email = 'bench-" + run.toLowerCase(Locale.ROOT) + "-"
                        + PEOPLE + "@x.test'")
                .update();
        jdbc.sql("insert into task (project_id, position, outline_path, name, description, status, duration_minutes,"
                        + " start_at, finish_at) select x.pid, row_number() over (partition by x.pid order by pe.i, w, k),"
                        + " array[(row_number() over (partition by x.pid order by pe.i, w, k))::int],"
                        + " 'Week ' || w || ' of ' || pe.uid, pe.uid || ':' || k, 'todo', 2400,"
                        + " (:start::date + w * 7) + time '08:00', (:start::date + w * 7 + 4) + time '17:00'"
                        + " from " + people + " pe cross join generate_series(0, " + (WEEKS - 1) + ") w"
                        + " cross join generate_series(0, 1) k join " + projects
                        + " x on x.j = (pe.i + (array[0, 7, 13])"
                        + "[1 + (w + k) % 3]) % 20 where k = 0 or w % 2 = 0")
                .param("start", FIRST_MONDAY)
                .update();
        int assignments = jdbc.sql("insert into assignment (project_id, task_id, resource_id, units, work_minutes,"
                        + " remaining_work_minutes) select t.project_id, t.id, r.id, case when t.description like '%:0'"
                        + " then 100 else 50 end, case when t.description like '%:0' then 2400 else 1200 end,"
                        + " case when t.description like '%:0' then 2400 else 1200 end from task t join resource r"
                        + " on r.project_id = t.project_id and r.user_id = split_part(t.description, ':', 1)::bigint"
                        + " where t.project_id in (select pid from " + projects + " x)")
                .update();
        double seeded = (System.nanoTime() - began) / 1e6;
        assertThat(assignments).isEqualTo(PEOPLE * (WEEKS + WEEKS / 2));

        CurrentUser admin = new CurrentUser(1, ADMIN_EMAIL, "Administrator", true);
        long managerId = jdbc.sql("select id from app_user where email = ?")
                .param("bench-" + run.toLowerCase(Locale.ROOT) + "-" + PEOPLE + "@x.test")
                .query(Long.class)
                .single();
        CurrentUser manager = new CurrentUser(managerId, "manager", "Bench manager", false);
        String oneProject = "B" + run + "00";

        List<String> figures = new ArrayList<>();
        figures.add(String.format(
                "seeded %d people, %d projects, %d assignments in %.0f ms", PEOPLE, PROJECTS, assignments, seeded));
        Workload[] last = new Workload[1];
        figures.add(measure(
                "admin, everyone, 52 weeks",
                () -> last[0] =
                        workload.workload(admin, new WorkloadService.Query(null, FIRST_MONDAY, 52, "WEEK", null))));
        assertThat(last[0].rows().stream()
                        .filter(row -> row.name().startsWith("Bench person"))
                        .count())
                .isEqualTo(PEOPLE);
        assertThat(last[0].periods()).hasSize(52);
        figures.add(measure(
                "manager of 20 projects, 52 weeks",
                () -> last[0] =
                        workload.workload(manager, new WorkloadService.Query(null, FIRST_MONDAY, 52, "WEEK", null))));
        assertThat(last[0].rows()).hasSize(PEOPLE);
        Workload.Row somebody = last[0].rows().get(0);
        assertThat(somebody.cells().get(0).percent()).isEqualTo(150);
        figures.add(measure(
                "one project's people (30), 52 weeks",
                () -> last[0] = workload.workload(
                        manager, new WorkloadService.Query(oneProject, FIRST_MONDAY, 52, "WEEK", null))));
        figures.add(measure(
                "admin, everyone, 92 days",
                () -> last[0] =
                        workload.workload(admin, new WorkloadService.Query(null, FIRST_MONDAY, 92, "DAY", null))));
        figures.add(measure(
                "admin, everyone, 12 months",
                () -> last[0] =
                        workload.workload(admin, new WorkloadService.Query(null, FIRST_MONDAY, 12, "MONTH", null))));
        figures.add(measure("REST GET /api/v1/workload?periods=52 (admin, JSON)", () -> {
            Response reply = admin().get("/api/v1/workload?from=" + FIRST_MONDAY + "&periods=52");
            assertThat(reply.status()).isEqualTo(200);
        }));
        System.out.println("WORKLOAD BENCHMARK (" + PEOPLE + " people x " + WEEKS + " weeks x " + PROJECTS
                + " projects; cold, then median of 5)");
        figures.forEach(line -> System.out.println("WORKLOAD BENCHMARK " + line));
    }

    private static String measure(String what, Runnable call) {
        long cold = System.nanoTime();
        call.run();
        double coldMs = (System.nanoTime() - cold) / 1e6;
        List<Double> warm = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long began = System.nanoTime();
            call.run();
            warm.add((System.nanoTime() - began) / 1e6);
        }
        Collections.sort(warm);
        return String.format(
                "%-52s cold %7.1f ms, median %7.1f ms, best %7.1f ms", what, coldMs, warm.get(2), warm.get(0));
    }
}
