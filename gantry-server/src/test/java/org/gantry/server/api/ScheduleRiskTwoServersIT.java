package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Two servers on one database, both running Monte Carlo runs in the background: every queued run is claimed
 * by exactly one of them ({@code FOR UPDATE SKIP LOCKED}), both take a share, and each run ends DONE once.
 * The claims are observed by a trigger this test puts on {@code schedule_risk_run} (every change from
 * QUEUED to RUNNING, with the instance that made it), so a run claimed twice would show as two rows.
 */
class ScheduleRiskTwoServersIT extends ApiIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    private SecondInstance second;

    @AfterEach
    void stop() {
        if (second != null) {
            second.close();
        }
        jdbc.sql("drop trigger if exists test_schedule_risk_claim on schedule_risk_run")
                .update();
    }

    @Test
    void eachQueuedRunIsClaimedByExactlyOneOfTwoServersAndBothTakeAShare() throws Exception {
        jdbc.sql("create table if not exists test_schedule_risk_claim (run_id bigint not null, instance text not null,"
                        + " claimed_at timestamptz not null default clock_timestamp())")
                .update();
        jdbc.sql("create or replace function test_schedule_risk_claimed() returns trigger language plpgsql as $$"
                        + " begin if old.state = 'QUEUED' and new.state = 'RUNNING' then"
                        + " insert into test_schedule_risk_claim (run_id, instance) values (new.id, new.instance);"
                        + " end if; return new; end $$")
                .update();
        jdbc.sql("drop trigger if exists test_schedule_risk_claim on schedule_risk_run")
                .update();
        jdbc.sql("create trigger test_schedule_risk_claim after update on schedule_risk_run for each row"
                        + " execute function test_schedule_risk_claimed()")
                .update();
        second = SecondInstance.on(dataSource);
        int secondPort = second.port();

        // Eight projects of 30 tasks; their runs are started alternately on each server, all at once.
        List<TestUser> owners = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int project = 0; project < 8; project++) {
            TestUser owner = newUser("mc2-owner");
            String key = newKey();
            Response created = owner.api()
                    .post(
                            "/api/v1/projects",
                            json("key", key, "name", "Two servers " + key, "startDate", "2026-03-02"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            Long previous = null;
            for (int i = 0; i < 30; i++) {
                long id = createTask(owner.api(), key, json("name", "T" + i, "duration", (1 + i % 5) + "d"))
                        .get("id")
                        .asLong();
                if (previous != null && i % 3 != 0) {
                    Response link = owner.api()
                            .post(
                                    "/api/v1/projects/" + key + "/links",
                                    json("predecessorId", previous, "successorId", id));
                    assertThat(link.status()).as(link.toString()).isEqualTo(201);
                }
                previous = id;
            }
            owners.add(owner);
            keys.add(key);
        }
        Map<Long, ApiClient> runs = new HashMap<>();
        Map<Long, String> locations = new HashMap<>();
        for (int project = 0; project < keys.size(); project++) {
            ApiClient first = owners.get(project).api();
            // Tokens live in the database: one made on this server is good on the other.
            ApiClient api = project % 2 == 0
                    ? first
                    : new ApiClient(
                            "http://localhost:" + secondPort,
                            token(
                                    owners.get(project).email(),
                                    owners.get(project).password()));
            Response started = api.post(
                    "/api/v1/projects/" + keys.get(project) + "/schedule-risk/runs",
                    json("iterations", 100_000, "seed", project + 1));
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            long id = started.body().get("id").asLong();
            runs.put(id, api);
            locations.put(id, "/api/v1/projects/" + keys.get(project) + "/schedule-risk/runs/" + id);
        }

        long deadline = System.currentTimeMillis() + 180_000;
        Set<Long> done = new HashSet<>();
        while (done.size() < runs.size()) {
            assertThat(System.currentTimeMillis())
                    .as("all runs end within 3 minutes")
                    .isLessThan(deadline);
            for (Map.Entry<Long, ApiClient> run : runs.entrySet()) {
                JsonNode now = run.getValue().get(locations.get(run.getKey())).body();
                assertThat(now.get("state").asString()).as(now.toString()).isNotEqualTo("FAILED");
                if (now.get("state").asString().equals("DONE")) {
                    assertThat(now.get("report").get("p80").isNull()).isFalse();
                    done.add(run.getKey());
                }
            }
            Thread.sleep(100);
        }

        Map<Long, List<String>> claims = new HashMap<>();
        jdbc.sql("select run_id, instance from test_schedule_risk_claim where run_id = any(?)")
                .param(runs.keySet().toArray(Long[]::new))
                .query(rs -> {
                    claims.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        assertThat(claims.keySet()).containsExactlyInAnyOrderElementsOf(runs.keySet());
        assertThat(claims.values()).as("one claim per run").allMatch(instances -> instances.size() == 1);
        Set<String> instances = new HashSet<>();
        claims.values().forEach(instances::addAll);
        assertThat(instances).as("both servers ran some of the runs").hasSize(2);
        Map<Long, String> finishedBy = new HashMap<>();
        jdbc.sql("select id, instance from schedule_risk_run where id = any(?)")
                .param(runs.keySet().toArray(Long[]::new))
                .query(rs -> {
                    finishedBy.put(rs.getLong(1), rs.getString(2));
                });
        claims.forEach((run, claimedBy) -> assertThat(finishedBy.get(run))
                .as("run " + run + " was finished by the instance that claimed it")
                .isEqualTo(claimedBy.get(0)));
    }
}
