package org.gantry.server.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V140 on a database filled by the previous version (every migration up to V139): members, tasks with
 * assignees (a leaf, a milestone, a summary), a stakeholder and an imported resource with an assignment.
 * After the upgrade every working member is a resource, every assignee of a leaf task an assignment with
 * the task's duration as work at 100 %, and nothing that was stored is gone.
 */
class PeopleAreResourcesMigrationIT {

    @TempDir
    Path folder;

    @Test
    void assigneesOfThePreviousVersionBecomeAssignmentsAndNothingIsLost() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(folder.resolve("postgres"))
                .start()) {
            DataSource data = postgres.getPostgresDatabase();
            Flyway.configure()
                    .dataSource(data)
                    .locations("classpath:db/migration")
                    .outOfOrder(true)
                    // "139?": up to V139 whichever of the V134-V139 range exist ("?": no need for V139 itself).
                    .target("139?")
                    .load()
                    .migrate();
            JdbcClient sql = JdbcClient.create(data);
            sql.sql("insert into app_user (email, name, password_hash) values ('ana@x.test', 'Ana', 'x'),"
                            + " ('ben@x.test', 'Ben', 'x'), ('sue@x.test', 'Sue', 'x')")
                    .update();
            sql.sql("insert into project (project_key, name, start_date, time_zone, currency)"
                            + " values ('OLD', 'Old plan', '2026-03-02', 'UTC', 'EUR')")
                    .update();
            sql.sql("insert into project_member (project_id, user_id, role) select p.id, u.id,"
                            + " case u.name when 'Ana' then 'OWNER' when 'Ben' then 'MEMBER' else 'STAKEHOLDER' end"
                            + " from project p, app_user u")
                    .update();
            sql.sql("insert into task_status (project_id, status_key, name, category, position, built_in)"
                            + " select id, 'todo', 'To do', 'TO_DO', 1, true from project")
                    .update();
            sql.sql("insert into task (project_id, parent_id, position, outline_path, name, status, duration_minutes)"
                            + " select id, null, 1, '{1}', 'Phase', 'todo', 2400 from project")
                    .update();
            sql.sql("insert into task (project_id, parent_id, position, outline_path, name, status, duration_minutes,"
                            + " milestone) select t.project_id, t.id, v.pos, array[1, v.pos], v.label, 'todo', v.minutes,"
                            + " v.milestone from task t, (values (1, 'Build', 960, false), (2, 'Done', 0, true))"
                            + " as v(pos, label, minutes, milestone) where t.name = 'Phase'")
                    .update();
            sql.sql("insert into task_assignee (task_id, user_id) select t.id, u.id from task t, app_user u"
                            + " where (t.name, u.name) in (('Phase', 'Ana'), ('Build', 'Ben'), ('Build', 'Ana'),"
                            + " ('Done', 'Ben'))")
                    .update();
            sql.sql("insert into resource (project_id, name, standard_rate) select id, 'Crane', 90 from project")
                    .update();
            sql.sql(
                            "insert into assignment (project_id, task_id, resource_id, units, work_minutes)"
                                    + " select t.project_id, t.id, r.id, 50, 480 from task t, resource r where t.name = 'Build'")
                    .update();

            Flyway.configure()
                    .dataSource(data)
                    .locations("classpath:db/migration")
                    .outOfOrder(true)
                    .load()
                    .migrate();

            assertThat(sql.sql("select name || ':' || coalesce(user_id::text, '-') || ':' || max_units::int"
                                    + " from resource order by name")
                            .query(String.class)
                            .list())
                    .containsExactly("Ana:1:100", "Ben:2:100", "Crane:-:100");
            assertThat(sql.sql("select t.name || ' ' || r.name || ' ' || a.units::int || '% ' || a.work_minutes"
                                    + " from assignment a join task t on t.id = a.task_id"
                                    + " join resource r on r.id = a.resource_id order by t.name, r.name")
                            .query(String.class)
                            .list())
                    .containsExactly(
                            "Build Ana 100% 960", "Build Ben 100% 960", "Build Crane 50% 480", "Done Ben 100% 0");
            assertThat(sql.sql("select count(*) from task_assignee")
                            .query(Long.class)
                            .single())
                    .isEqualTo(4);
            assertThat(sql.sql("select standard_rate::int from resource where name = 'Crane'")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(90);
            sql.sql("insert into task_assignee (task_id, user_id) select t.id, u.id from task t, app_user u"
                            + " where t.name = 'Done' and u.name = 'Ana'")
                    .update();
            assertThat(sql.sql("select count(*) from assignment a join task t on t.id = a.task_id"
                                    + " where t.name = 'Done'")
                            .query(Long.class)
                            .single())
                    .as("a new assignee is an assignment at once")
                    .isEqualTo(2);
        }
    }
}
