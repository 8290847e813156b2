package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Hours become actual work: Pat is assigned 40 h on Build. Approved hours (the default) or, when the project
 * says so, all hours are the task's and the assignment's actual work; remaining work is 40 h less that,
 * never below zero; with "% complete from hours" the task's % complete follows (100 once nothing remains).
 */
class ActualWorkApiIT extends ApiIntegrationTest {

    private TestUser owner;
    private TestUser pat;
    private TestUser sponsor;
    private String key;
    private String project;
    private long build;

    @BeforeEach
    void project() {
        owner = newUser("owner");
        pat = newUser("pat");
        sponsor = newUser("sponsor");
        key = newProject(owner);
        project = "/api/v1/projects/" + key;
        addMember(owner.api(), key, pat, "MEMBER");
        addMember(owner.api(), key, sponsor, "STAKEHOLDER");
        build = createTask(owner.api(), key, json("name", "Build", "duration", "5d"))
                .get("id")
                .asLong();
        Response resource =
                owner.api().post(project + "/resources", json("name", "Pat", "userId", pat.id(), "standardRate", 50));
        assertThat(resource.status()).as(resource.toString()).isEqualTo(201);
        Response assigned = owner.api()
                .post(
                        project + "/tasks/" + build + "/assignments",
                        json("resourceId", resource.body().get("id").asLong(), "units", 100, "workHours", 40));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
    }

    private void time(String date, String hours) {
        Response logged = pat.api().post("/api/v1/time-entries", json("taskId", build, "date", date, "hours", hours));
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
    }

    private JsonNode actuals(TestUser who) {
        Response answer = who.api().get(project + "/tasks/" + build + "/actuals");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.body();
    }

    private static double hours(JsonNode node, String field) {
        return node.get(field).decimalValue().doubleValue();
    }

    @Test
    void approvedHoursBecomeActualWorkOnTheTaskAndTheAssignment() {
        time("2026-03-02", "8");
        time("2026-03-03", "4");
        JsonNode before = actuals(owner);
        assertThat(hours(before, "actualWork")).isZero();
        assertThat(hours(before, "remainingWork")).isEqualTo(40.0);
        assertThat(hours(before, "pendingHours")).isEqualTo(12.0);

        Response submitted = pat.api().post(project + "/timesheet-submissions", json("week", "2026-03-02"));
        long week = submitted.body().get("id").asLong();
        Response approved =
                owner.api().post(project + "/timesheet-submissions/" + week + "/approve", json("version", 0));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

        JsonNode after = actuals(sponsor);
        assertThat(hours(after, "work")).isEqualTo(40.0);
        assertThat(hours(after, "actualWork")).isEqualTo(12.0);
        assertThat(hours(after, "remainingWork")).isEqualTo(28.0);
        assertThat(after.get("percentWorkComplete").asInt()).isEqualTo(30);
        assertThat(hours(after, "pendingHours")).isZero();
        JsonNode assignment = after.get("assignments").get(0);
        assertThat(assignment.get("resourceName").asString()).isEqualTo("Pat");
        assertThat(hours(assignment, "actualWork")).isEqualTo(12.0);
        assertThat(hours(assignment, "remainingWork")).isEqualTo(28.0);
        // % complete is entered by hand unless the project says otherwise.
        assertThat(after.get("percentComplete").asInt()).isZero();
        assertThat(owner.api()
                        .get(project + "/tasks/" + build)
                        .body()
                        .get("percentComplete")
                        .asInt())
                .isZero();
        assertThat(newUser("outsider")
                        .api()
                        .get(project + "/tasks/" + build + "/actuals")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void withAllHoursAndProgressFromHoursPercentCompleteFollowsTheHours() {
        time("2026-03-02", "8");
        Response settings = owner.api()
                .put(project + "/time-settings", json("actuals", "ALL", "progressFromHours", true, "version", 0));
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);

        JsonNode now = actuals(pat);
        assertThat(hours(now, "actualWork")).isEqualTo(8.0);
        assertThat(hours(now, "remainingWork")).isEqualTo(32.0);
        assertThat(owner.api()
                        .get(project + "/tasks/" + build)
                        .body()
                        .get("percentComplete")
                        .asInt())
                .isEqualTo(20);

        time("2026-03-03", "6");
        assertThat(owner.api()
                        .get(project + "/tasks/" + build)
                        .body()
                        .get("percentComplete")
                        .asInt())
                .isEqualTo(35);

        for (String day : new String[] {"2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08"}) {
            time(day, "6");
        }
        JsonNode over = actuals(owner);
        assertThat(hours(over, "actualWork")).isEqualTo(44.0);
        assertThat(hours(over, "remainingWork")).isZero();
        assertThat(hours(over, "work")).isEqualTo(44.0);
        assertThat(over.get("percentWorkComplete").asInt()).isEqualTo(100);
        assertThat(owner.api()
                        .get(project + "/tasks/" + build)
                        .body()
                        .get("percentComplete")
                        .asInt())
                .isEqualTo(100);

        Response back = owner.api()
                .put(project + "/time-settings", json("actuals", "APPROVED", "progressFromHours", true, "version", 1));
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(hours(actuals(owner), "actualWork")).isZero();
        assertThat(hours(actuals(owner), "pendingHours")).isEqualTo(44.0);
    }
}
