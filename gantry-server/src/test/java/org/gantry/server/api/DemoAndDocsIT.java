package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DemoAndDocsIT extends ApiIntegrationTest {

    @Test
    void theAdminCreatesTheDemoProjectOnce() {
        Response created = admin().post("/api/v1/admin/demo", null);
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        assertThat(created.body().get("key").asString()).isEqualTo("DEMO");
        Response again = admin().post("/api/v1/admin/demo", null);
        assertThat(again.body().get("id").asLong())
                .isEqualTo(created.body().get("id").asLong());

        List<JsonNode> tasks = admin().get("/api/v1/projects/DEMO/tasks?size=500")
                .body()
                .get("items")
                .valueStream()
                .toList();
        assertThat(tasks).hasSizeBetween(55, 70);
        assertThat(tasks)
                .filteredOn(t -> t.get("type").asString().equals("SUMMARY"))
                .hasSizeGreaterThanOrEqualTo(8);
        assertThat(tasks)
                .filteredOn(t -> t.get("type").asString().equals("MILESTONE"))
                .hasSizeGreaterThanOrEqualTo(6);
        assertThat(tasks).filteredOn(t -> t.get("outlineLevel").asInt() == 3).isNotEmpty();
        assertThat(tasks)
                .filteredOn(t -> t.get("percentComplete").asInt() == 100)
                .isNotEmpty();
        assertThat(tasks)
                .filteredOn(t -> t.get("status").asString().equals("in_progress"))
                .isNotEmpty();
        JsonNode links = admin().get("/api/v1/projects/DEMO/links").body();
        assertThat(links.get("total").asLong()).isGreaterThan(50);
        assertThat(links.get("items").valueStream().map(l -> l.get("type").asString()))
                .contains("FS", "SS", "FF");
        assertThat(links.get("items")
                        .valueStream()
                        .filter(l -> l.get("lagMinutes").asLong() > 0))
                .isNotEmpty();
        assertThat(admin().get("/api/v1/projects/DEMO/members").body().size()).isGreaterThanOrEqualTo(6);
    }

    /**
     * The demo states durations and links and lets the engine compute the dates: no task carries a
     * constraint, and rescheduling the finished demo moves nothing. It is still a project in progress: a
     * baseline, finished work before the status date, a critical path and a slip against the baseline.
     */
    @Test
    void theEngineComputesTheDemoDatesFromDurationsAndLinks() {
        assertThat(admin().post("/api/v1/admin/demo", null).status()).isEqualTo(200);
        JsonNode gantt = admin().get("/api/v1/projects/DEMO/gantt?baseline=0").body();
        List<JsonNode> tasks = gantt.get("tasks").valueStream().toList();

        assertThat(tasks)
                .as("tasks with a constraint")
                .filteredOn(t -> !t.get("constraintType").asString().equals("AS_SOON_AS_POSSIBLE")
                        || !t.get("constraintDate").isNull())
                .isEmpty();
        Response rescheduled = admin().post("/api/v1/projects/DEMO/reschedule", null);
        assertThat(rescheduled.status()).as(rescheduled.toString()).isEqualTo(200);
        assertThat(rescheduled.body().get("changed").valueStream().toList())
                .as("tasks a fresh reschedule changes")
                .isEmpty();
        assertThat(admin().get("/api/v1/projects/DEMO/gantt?baseline=0")
                        .body()
                        .get("tasks")
                        .valueStream()
                        .map(DemoAndDocsIT::dates)
                        .toList())
                .isEqualTo(tasks.stream().map(DemoAndDocsIT::dates).toList());

        String statusDate = gantt.get("project").get("statusDate").asString();
        assertThat(statusDate).isNotBlank();
        assertThat(tasks)
                .filteredOn(t -> t.get("percentComplete").asInt() == 100)
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.get("finish").asString()).isLessThanOrEqualTo(statusDate));
        assertThat(tasks).filteredOn(t -> t.get("critical").asBoolean()).hasSizeGreaterThan(5);
        assertThat(tasks)
                .allSatisfy(t -> assertThat(t.get("baselineFinish").isNull()).isFalse());
        assertThat(tasks)
                .as("tasks finishing later than their baseline")
                .filteredOn(t -> t.get("finish")
                                .asString()
                                .compareTo(t.get("baselineFinish").asString())
                        > 0)
                .isNotEmpty();
        JsonNode goLive = tasks.stream()
                .filter(t -> t.get("name").asString().equals("Go-live"))
                .findFirst()
                .orElseThrow();
        assertThat(goLive.get("milestone").asBoolean()).isTrue();
        assertThat(goLive.get("critical").asBoolean()).isTrue();
    }

    private static String dates(JsonNode task) {
        return task.get("id").asLong() + " " + task.get("start").asString() + " "
                + task.get("finish").asString();
    }

    @Test
    void onlyAnAdminCreatesTheDemo() {
        TestUser user = newUser("curious");
        assertThat(user.api().post("/api/v1/admin/demo", null).status()).isEqualTo(403);
    }

    @Test
    void theApiIsDocumentedWithOpenApi() {
        Response docs = anonymous().get("/api/docs/openapi.json");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/v1/projects/{project}/tasks"))
                .isTrue();
        assertThat(docs.body().get("paths").has("/api/v1/auth/tokens")).isTrue();
        assertThat(anonymous().get("/api/docs").raw().statusCode()).isIn(200, 302);
        assertThat(anonymous().get("/api/swagger-ui/index.html").raw().statusCode())
                .isEqualTo(200);
    }

    @Test
    void unknownApiPathsAndMethodsAnswerWithProblems() {
        Response unknown = admin().get("/api/v1/no-such-thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        Response wrongMethod = admin().send("PUT", "/api/v1/projects", "{}");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Content-Type")).startsWith("application/problem+json");
    }
}
