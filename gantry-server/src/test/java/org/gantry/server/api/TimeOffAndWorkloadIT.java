package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.util.List;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Calendars per person and the workload, through the REST API: a member's own time off (a vacation, a
 * part-time week) moves their tasks, managers see it and members do not see each other's; the workload
 * adds up a person's work across all their projects against their capacity and says who is over-allocated,
 * and on which tasks.
 */
class TimeOffAndWorkloadIT extends ApiIntegrationTest {

    private TestUser owner;
    private TestUser ben;
    private String first;
    private String second;

    @BeforeEach
    void twoProjectsSharingBen() {
        owner = newUser("owner");
        ben = newUser("ben");
        first = project();
        second = project();
        addMember(owner.api(), first, ben, "MEMBER");
        addMember(owner.api(), second, ben, "MEMBER");
    }

    @Test
    void aVacationMovesThePersonsTaskInEveryProjectUntilItIsRemoved() {
        long task = task(first, "Wire racks", "3d", List.of(ben.id()));
        assertThat(finish(first, task)).isEqualTo("2026-03-04T17:00:00");

        Response entered = ben.api().post("/api/v1/me/time-off", json("firstDay", "2026-03-03", "note", "Dentist"));
        assertThat(entered.status()).as(entered.toString()).isEqualTo(201);
        assertThat(entered.body().get("kind").asString()).isEqualTo("VACATION");
        assertThat(finish(first, task)).isEqualTo("2026-03-05T17:00:00");

        assertThat(ben.api().get("/api/v1/me/time-off").body().size()).isEqualTo(1);
        Response seen = owner.api().get("/api/v1/projects/" + first + "/time-off");
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body().get(0).get("userName").asString()).isEqualTo("ben Tester");
        assertThat(ben.api().get("/api/v1/projects/" + first + "/time-off").status())
                .isEqualTo(403);

        long id = entered.body().get("id").asLong();
        assertThat(owner.api().delete("/api/v1/me/time-off/" + id).status()).isEqualTo(404);
        assertThat(ben.api().delete("/api/v1/me/time-off/" + id + "?version=3").status())
                .isEqualTo(409);
        assertThat(ben.api().delete("/api/v1/me/time-off/" + id).status()).isEqualTo(204);
        assertThat(finish(first, task)).isEqualTo("2026-03-04T17:00:00");
    }

    @Test
    void aPartTimeWeekAndARigsMaintenanceAreWorkedAround() {
        long task = task(first, "Cable trays", "5d", List.of(ben.id()));
        Response fridays = ben.api()
                .post(
                        "/api/v1/me/time-off",
                        json("firstDay", "2026-03-01", "lastDay", "2026-03-31", "weekdays", List.of(5)));
        assertThat(fridays.status()).as(fridays.toString()).isEqualTo(201);
        assertThat(fridays.body().get("kind").asString()).isEqualTo("PART_TIME");
        assertThat(finish(first, task)).isEqualTo("2026-03-09T17:00:00");

        long rig = owner.api()
                .post("/api/v1/projects/" + first + "/resources", json("name", "Rig"))
                .body()
                .get("id")
                .asLong();
        long soak = task(first, "Soak", "2d", List.of());
        assertThat(owner.api()
                        .post("/api/v1/projects/" + first + "/tasks/" + soak + "/assignments", json("resourceId", rig))
                        .status())
                .isEqualTo(201);
        Response maintenance = owner.api()
                .post(
                        "/api/v1/projects/" + first + "/resources/" + rig + "/time-off",
                        json("firstDay", "2026-03-02", "kind", "OTHER", "note", "Calibration"));
        assertThat(maintenance.status()).as(maintenance.toString()).isEqualTo(201);
        assertThat(finish(first, soak)).isEqualTo("2026-03-04T17:00:00");

        assertThat(errorFields(ben.api()
                        .post(
                                "/api/v1/me/time-off",
                                json(
                                        "firstDay",
                                        "2026-03-09",
                                        "lastDay",
                                        "2026-03-01",
                                        "weekdays",
                                        List.of(9),
                                        "kind",
                                        "NAP"))))
                .containsExactlyInAnyOrder("lastDay", "weekdays", "kind");
        assertThat(ben.api()
                        .post(
                                "/api/v1/projects/" + first + "/resources/" + rig + "/time-off",
                                json("firstDay", "2026-03-02"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theWorkloadAddsUpAPersonsProjectsAndNamesTheOverAllocation() {
        long wire = task(first, "Wire racks", "5d", List.of(ben.id()));
        long review = task(second, "Review racks", "5d", List.of());
        long bensResource = resourceOf(second, ben.id());
        Response half = owner.api()
                .post(
                        "/api/v1/projects/" + second + "/tasks/" + review + "/assignments",
                        json("resourceId", bensResource, "units", 50));
        assertThat(half.status()).as(half.toString()).isEqualTo(201);

        JsonNode table = workload(owner, "/api/v1/workload?from=2026-03-02&periods=2");
        JsonNode row = row(table, "ben Tester");
        JsonNode week = row.get("cells").get(0);
        assertThat(week.get("minutes").asLong()).isEqualTo(60 * 60);
        assertThat(week.get("capacityMinutes").asLong()).isEqualTo(40 * 60);
        assertThat(week.get("percent").asInt()).isEqualTo(150);
        assertThat(week.get("state").asString()).isEqualTo("OVER");
        assertThat(week.get("text").asString()).contains("over-allocated on 5 days");
        assertThat(row.get("cells").get(1).get("state").asString()).isEqualTo("UNDER");
        assertThat(row.get("tasks").size()).isEqualTo(2);
        assertThat(table.get("periods").get(0).get("label").asString()).isEqualTo("W10 Mar 2");

        // One project's people, still with all of Ben's work; and the tasks that carry the overload.
        JsonNode ofFirst = workload(owner, "/api/v1/projects/" + first + "/workload?from=2026-03-02&periods=1");
        assertThat(row(ofFirst, "ben Tester").get("cells").get(0).get("percent").asInt())
                .isEqualTo(150);
        JsonNode over = owner.api()
                .get("/api/v1/projects/" + first + "/overallocations")
                .body();
        assertThat(over.get(0).get("taskId").asLong()).isEqualTo(wire);
        assertThat(over.get(0).get("resources").get(0).asString()).isEqualTo("ben Tester");

        // A member sees only their own row; the second project's task is named (they are a member there).
        JsonNode own = workload(ben, "/api/v1/workload?from=2026-03-02&periods=1&scale=week");
        assertThat(own.get("rows").size()).isEqualTo(1);
        assertThat(ben.api().get("/api/v1/projects/" + first + "/workload").status())
                .isEqualTo(403);
        TestUser outsider = newUser("outsider");
        assertThat(outsider.api().get("/api/v1/workload?project=" + first).status())
                .isEqualTo(404);
        assertThat(errorFields(owner.api().get("/api/v1/workload?scale=YEAR&periods=0&from=3000-01-01")))
                .containsExactlyInAnyOrder("scale", "periods", "from");
    }

    private String project() {
        String key = newKey();
        Response created = owner.api()
                .post("/api/v1/projects", json("key", key, "name", "Project " + key, "startDate", "2026-03-02"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return key;
    }

    private long task(String project, String name, String duration, List<Long> assignees) {
        return createTask(owner.api(), project, json("name", name, "duration", duration, "assigneeIds", assignees))
                .get("id")
                .asLong();
    }

    private String finish(String project, long task) {
        return owner.api()
                .get("/api/v1/projects/" + project + "/tasks/" + task)
                .body()
                .get("finish")
                .asString();
    }

    private long resourceOf(String project, long userId) {
        for (JsonNode resource : owner.api()
                .get("/api/v1/projects/" + project + "/resources")
                .body()
                .get("items")) {
            if (!resource.get("userId").isNull() && resource.get("userId").asLong() == userId) {
                return resource.get("id").asLong();
            }
        }
        throw new AssertionError("no resource for " + userId);
    }

    private static JsonNode workload(TestUser who, String path) {
        Response reply = who.api().get(path);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.body();
    }

    private static JsonNode row(JsonNode table, String name) {
        for (JsonNode row : table.get("rows")) {
            if (row.get("name").asString().equals(name)) {
                return row;
            }
        }
        throw new AssertionError("no row " + name + " in " + table);
    }
}
