package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * An upgrade: a data folder whose database was made by the schema Gantry shipped its planning with
 * (migrations up to V8: people, projects, tasks, links, holidays, resources and assignments, passwords as
 * plain bcrypt) is started with today's jar. The server migrates it on start; every row is still there,
 * the old password still signs in, and the engine schedules the old tasks.
 */
class UpgradeIT {

    private static final String EMAIL = "old-admin@gantry.test";
    private static final String PASSWORD = "an old passphrase from before";
    private static final String PLANNING_SCHEMA = "8";

    @TempDir
    Path dataFolder;

    @Test
    void aDatabaseFromThePlanningReleaseMigratesWithItsDataIntact() throws Exception {
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(dataFolder.resolve("postgres"))
                .setCleanDataDirectory(false)
                .start()) {
            Flyway.configure()
                    .dataSource(old.getPostgresDatabase())
                    .locations("classpath:db/migration")
                    .target(PLANNING_SCHEMA)
                    .load()
                    .migrate();
            try (Connection connection = old.getPostgresDatabase().getConnection();
                    Statement sql = connection.createStatement()) {
                String hash = new BCryptPasswordEncoder().encode(PASSWORD);
                sql.execute("insert into app_user (email, name, password_hash, system_admin) values ('" + EMAIL
                        + "', 'Olivia Old', '" + hash + "', true)");
                sql.execute("insert into project (project_key, name, description, start_date, time_zone, currency)"
                        + " values ('OLD', 'Data centre move', 'Planned before the upgrade', '2025-01-06',"
                        + " 'Europe/Berlin', 'EUR')");
                sql.execute("insert into project_member (project_id, user_id, role) select p.id, u.id, 'OWNER'"
                        + " from project p, app_user u");
                sql.execute("insert into project_holiday (project_id, day, name) select id, '2025-01-09',"
                        + " 'Company day' from project");
                sql.execute("insert into task_status (project_id, status_key, name, category, position, built_in)"
                        + " select id, k, n, c, pos, true from project, (values ('TO_DO', 'To do', 'TO_DO', 1),"
                        + " ('IN_PROGRESS', 'In progress', 'IN_PROGRESS', 2), ('DONE', 'Done', 'DONE', 3))"
                        + " as s(k, n, c, pos)");
                sql.execute("insert into task (project_id, parent_id, position, outline_path, name, status,"
                        + " duration_minutes, percent_complete, start_at, finish_at) select id, null, 1, '{1}', 'Move',"
                        + " 'TO_DO', 0, 0, '2025-01-06 08:00', '2025-01-10 17:00' from project");
                sql.execute("insert into task (project_id, parent_id, position, outline_path, name, status,"
                        + " duration_minutes, percent_complete, tags, start_at, finish_at) select project_id, id, 1,"
                        + " '{1,1}', 'Pack the racks', 'IN_PROGRESS', 960, 50, '{hardware}', '2025-01-06 08:00',"
                        + " '2025-01-07 17:00' from task where name = 'Move'");
                sql.execute("insert into task (project_id, parent_id, position, outline_path, name, status,"
                        + " duration_minutes, start_at, finish_at) select project_id, id, 2, '{1,2}', 'Ship and rack',"
                        + " 'TO_DO', 1440, '2025-01-08 08:00', '2025-01-10 17:00' from task where name = 'Move'");
                sql.execute("insert into task (project_id, parent_id, position, outline_path, name, status,"
                        + " milestone, start_at, finish_at) select project_id, id, 3, '{1,3}', 'Racks live', 'TO_DO',"
                        + " true, '2025-01-10 17:00', '2025-01-10 17:00' from task where name = 'Move'");
                sql.execute("insert into task_link (project_id, predecessor_id, successor_id, link_type)"
                        + " select a.project_id, a.id, b.id, 'FS' from task a, task b"
                        + " where (a.name, b.name) in (('Pack the racks', 'Ship and rack'),"
                        + " ('Ship and rack', 'Racks live'))");
                sql.execute("insert into resource (project_id, name) select id, 'Facilities crew' from project");
                sql.execute("insert into assignment (project_id, task_id, resource_id, work_minutes)"
                        + " select t.project_id, t.id, r.id, 1440 from task t, resource r"
                        + " where t.name = 'Ship and rack'");
            }
        }

        try (GantryJar today = new GantryJar(dataFolder, "upgrade")) {
            today.start(Map.of());
            Response tokenResponse = today.api(null)
                    .post("/api/v1/auth/tokens", json("email", EMAIL, "password", PASSWORD, "name", "after upgrade"));
            assertThat(tokenResponse.status())
                    .as("the password stored before the upgrade signs in: " + tokenResponse)
                    .isEqualTo(201);
            ApiClient api = today.api(tokenResponse.body().get("token").asString());

            JsonNode project = api.get("/api/v1/projects/OLD").body();
            assertThat(project.get("name").asString()).isEqualTo("Data centre move");
            assertThat(project.get("description").asString()).isEqualTo("Planned before the upgrade");

            // The dates as the planning release stored them (it did not know about holidays in durations).
            List<JsonNode> stored = tasks(api);
            assertThat(stored.stream()
                            .map(task -> task.get("wbs").asString() + " "
                                    + task.get("name").asString()))
                    .containsExactly("1 Move", "1.1 Pack the racks", "1.2 Ship and rack", "1.3 Racks live");
            assertThat(stored.get(1).get("percentComplete").asInt()).isEqualTo(50);
            assertThat(stored.get(1).get("start").asString()).isEqualTo("2025-01-06T08:00:00");
            assertThat(stored.get(2).get("finish").asString()).isEqualTo("2025-01-10T17:00:00");

            // The next edit reschedules with today's engine: the old tasks, link and holiday decide the dates.
            Response added = api.post("/api/v1/projects/OLD/tasks", json("name", "Post-move review", "duration", "1d"));
            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            List<JsonNode> tasks = tasks(api);
            assertThat(tasks).hasSize(5);
            JsonNode pack = tasks.get(1);
            assertThat(pack.get("start").asString()).isEqualTo("2025-01-06T08:00:00");
            assertThat(pack.get("finish").asString()).isEqualTo("2025-01-07T17:00:00");
            JsonNode ship = tasks.get(2);
            assertThat(ship.get("start").asString()).isEqualTo("2025-01-08T08:00:00");
            assertThat(ship.get("finish").asString())
                    .as("three days from Wednesday with Thursday a holiday")
                    .isEqualTo("2025-01-13T17:00:00");
            assertThat(tasks.get(3).get("milestone").asBoolean()).isTrue();
            assertThat(tasks.get(3).get("start").asString()).isEqualTo("2025-01-13T17:00:00");

            assertThat(api.get("/api/v1/projects/OLD/links").body().get("items").size())
                    .isEqualTo(2);
            JsonNode assignments = api.get(
                            "/api/v1/projects/OLD/tasks/" + ship.get("id").asLong() + "/assignments")
                    .body();
            assertThat(assignments.toString()).contains("Facilities crew");
            assertThat(api.get("/api/v1/projects/OLD/members").body().toString())
                    .contains(EMAIL);
        }
    }

    private static List<JsonNode> tasks(ApiClient api) {
        return api.get("/api/v1/projects/OLD/tasks?size=50")
                .body()
                .get("items")
                .valueStream()
                .toList();
    }
}
