package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The activity log through the API: each kind of change leaves exactly one row by the person who made
 * it, with the old and new value of each field; dates the engine moved are the scheduler's; refused
 * changes leave nothing; the feed filters and exports, and a task's panel has its history.
 */
class ActivityIT extends ApiIntegrationTest {

    private long seen;

    /** The rows written since the last call, oldest first, leaving out the scheduler's. */
    private List<JsonNode> newRows(ApiClient api, String key) {
        List<JsonNode> rows = api.get("/api/v1/projects/" + key + "/activity?size=200")
                .body()
                .get("items")
                .valueStream()
                .filter(row -> row.get("id").asLong() > seen)
                .sorted(java.util.Comparator.comparingLong(row -> row.get("id").asLong()))
                .toList();
        rows.stream().mapToLong(row -> row.get("id").asLong()).max().ifPresent(max -> seen = max);
        return rows.stream()
                .filter(row -> !row.get("actorKind").asString().equals("scheduler"))
                .toList();
    }

    private static Map<String, List<String>> changes(JsonNode row) {
        return row.get("changes")
                .valueStream()
                .collect(Collectors.toMap(
                        change -> change.get("field").asString(),
                        change -> java.util.Arrays.asList(
                                change.get("oldValue").isNull()
                                        ? null
                                        : change.get("oldValue").asString(),
                                change.get("newValue").isNull()
                                        ? null
                                        : change.get("newValue").asString())));
    }

    private static JsonNode only(List<JsonNode> rows, String entity, String action) {
        assertThat(rows).as("rows: " + rows).singleElement().satisfies(row -> {
            assertThat(row.get("entity").asString()).isEqualTo(entity);
            assertThat(row.get("action").asString()).isEqualTo(action);
        });
        return rows.get(0);
    }

    @Test
    void everyKindOfChangeIsRecordedOnceWithOldAndNewValuesAndRefusedChangesLeaveNothing() {
        TestUser owner = newUser("owner");
        TestUser mate = newUser("mate");
        ApiClient api = owner.api();
        String key = newProject(owner);
        String project = "/api/v1/projects/" + key;
        List<JsonNode> creation = newRows(api, key);
        assertThat(creation.stream()
                        .map(row -> row.get("entity").asString() + " "
                                + row.get("action").asString()))
                .contains("project created", "member created", "status created");

        int projectVersion = api.get(project).body().get("version").asInt();
        assertThat(api.patch(project, json("description", "Relaunch", "version", projectVersion))
                        .status())
                .isEqualTo(200);
        JsonNode projectRow = only(newRows(api, key), "project", "updated");
        assertThat(changes(projectRow)).containsEntry("description", java.util.Arrays.asList("", "Relaunch"));
        assertThat(projectRow.get("actorKind").asString())
                .as("the API token is named")
                .isEqualTo("token");
        assertThat(projectRow.get("tokenId").isNull()).isFalse();
        assertThat(projectRow.get("actorName").asString()).isEqualTo("owner Tester");

        addMember(api, key, mate, "MEMBER");
        assertThat(changes(only(newRows(api, key), "member", "created")))
                .containsEntry("role", java.util.Arrays.asList(null, "MEMBER"));
        int memberVersion = api.get(project + "/members")
                .body()
                .valueStream()
                .filter(m -> m.get("userId").asLong() == mate.id())
                .findFirst()
                .orElseThrow()
                .get("version")
                .asInt();
        assertThat(api.patch(project + "/members/" + mate.id(), json("role", "MANAGER", "version", memberVersion))
                        .status())
                .isEqualTo(200);
        JsonNode roleRow = only(newRows(api, key), "member", "updated");
        assertThat(changes(roleRow)).containsEntry("role", List.of("MEMBER", "MANAGER"));
        assertThat(roleRow.get("label").asString()).isEqualTo("mate Tester");

        JsonNode alpha = createTask(api, key, json("name", "Alpha", "duration", "2d"));
        JsonNode created = only(newRows(api, key), "task", "created");
        assertThat(changes(created)).containsEntry("name", java.util.Arrays.asList(null, "Alpha"));
        long alphaId = alpha.get("id").asLong();
        JsonNode beta = createTask(api, key, json("name", "Beta", "duration", "1d"));
        newRows(api, key);

        int version =
                api.get(project + "/tasks/" + alphaId).body().get("version").asInt();
        assertThat(api.patch(project + "/tasks/" + alphaId, json("name", "Alpha 2", "version", version))
                        .status())
                .isEqualTo(200);
        assertThat(changes(only(newRows(api, key), "task", "updated")))
                .containsOnlyKeys("name")
                .containsEntry("name", List.of("Alpha", "Alpha 2"));

        version = api.get(project + "/tasks/" + alphaId).body().get("version").asInt();
        assertThat(api.patch(project + "/tasks/" + alphaId, json("assigneeIds", List.of(mate.id()), "version", version))
                        .status())
                .isEqualTo(200);
        assertThat(only(newRows(api, key), "assignee", "created").get("label").asString())
                .isEqualTo("mate Tester on Alpha 2");

        // Refused changes: a stale version (409) and an invalid name (400) leave no row.
        assertThat(api.patch(project + "/tasks/" + alphaId, json("name", "Stale", "version", version))
                        .status())
                .isEqualTo(409);
        assertThat(api.patch(project + "/tasks/" + alphaId, json("name", "", "version", version + 1))
                        .status())
                .isEqualTo(400);
        assertThat(api.post(project + "/tasks", json("name", "")).status()).isEqualTo(400);
        assertThat(newRows(api, key)).as("nothing recorded for refused changes").isEmpty();

        Response link = api.post(
                project + "/links",
                json("predecessorId", alphaId, "successorId", beta.get("id").asLong()));
        assertThat(link.status()).isEqualTo(201);
        JsonNode linkRow = only(newRows(api, key), "link", "created");
        assertThat(linkRow.get("label").asString()).isEqualTo("Alpha 2 → Beta");
        assertThat(changes(linkRow)).containsEntry("link_type", java.util.Arrays.asList(null, "FS"));
        String linkPath = project + "/links/" + link.body().get("id").asLong();
        Response lagged = api.patch(
                linkPath,
                json("lag", "1d", "version", link.body().get("version").asInt()));
        assertThat(lagged.status()).as(lagged.toString()).isEqualTo(200);
        assertThat(changes(only(newRows(api, key), "link", "updated"))).containsKey("lag_minutes");

        // Beta moved because its predecessor grew: the scheduler's doing, not the owner's.
        version = api.get(project + "/tasks/" + alphaId).body().get("version").asInt();
        assertThat(api.patch(project + "/tasks/" + alphaId, json("duration", "5d", "version", version))
                        .status())
                .isEqualTo(200);
        List<JsonNode> scheduler = api.get(project + "/activity?kind=scheduler&size=200")
                .body()
                .get("items")
                .valueStream()
                .filter(row -> row.get("id").asLong() > seen)
                .toList();
        assertThat(scheduler)
                .as("the successor's new dates are the scheduler's")
                .anySatisfy(row -> {
                    assertThat(row.get("label").asString()).isEqualTo("Beta");
                    assertThat(changes(row)).containsKeys("start_at", "finish_at");
                    assertThat(row.get("actorName").asString())
                            .as("whose change the scheduler followed")
                            .isEqualTo("owner Tester");
                });
        assertThat(changes(only(newRows(api, key), "task", "updated"))).containsOnlyKeys("duration_minutes");

        Response status = api.post(project + "/statuses", json("name", "Blocked", "category", "IN_PROGRESS"));
        assertThat(status.status()).isEqualTo(201);
        assertThat(only(newRows(api, key), "status", "created").get("label").asString())
                .isEqualTo("Blocked");

        Response comment = api.post(project + "/tasks/" + alphaId + "/comments", json("body", "Looks good"));
        assertThat(comment.status()).isEqualTo(201);
        assertThat(only(newRows(api, key), "comment", "created").get("taskId").asLong())
                .isEqualTo(alphaId);

        assertThat(api.delete(linkPath).status()).isEqualTo(204);
        assertThat(only(newRows(api, key), "link", "deleted").get("label").asString())
                .isEqualTo("Alpha 2 → Beta");

        // The task's history holds its own changes, its assignee, its link and its comment.
        List<String> history = api.get(project + "/tasks/" + alphaId + "/history")
                .body()
                .valueStream()
                .map(row ->
                        row.get("entity").asString() + " " + row.get("action").asString())
                .toList();
        assertThat(history)
                .contains(
                        "task created",
                        "task updated",
                        "assignee created",
                        "link created",
                        "link deleted",
                        "comment created");
    }

    @Test
    void risksAndRaidEntriesAreRecordedOnceWithOldAndNewValuesAndRefusedChangesLeaveNothing() {
        TestUser owner = newUser("owner");
        ApiClient api = owner.api();
        String key = newProject(owner);
        String project = "/api/v1/projects/" + key;
        newRows(api, key);

        Response risk = api.post(project + "/risks", json("title", "Vendor ships late", "probability", 2, "impact", 3));
        assertThat(risk.status()).as(risk.toString()).isEqualTo(201);
        String riskPath = project + "/risks/" + risk.body().get("id").asLong();
        JsonNode riskCreated = only(newRows(api, key), "risk", "created");
        assertThat(riskCreated.get("label").asString()).isEqualTo("Vendor ships late");
        assertThat(changes(riskCreated)).containsEntry("probability", java.util.Arrays.asList(null, "2"));
        assertThat(api.patch(riskPath, json("probability", 4, "version", 0)).status())
                .isEqualTo(200);
        assertThat(changes(only(newRows(api, key), "risk", "updated")))
                .containsEntry("probability", java.util.Arrays.asList("2", "4"));
        assertThat(api.patch(riskPath, json("probability", 5, "version", 0)).status())
                .as("stale")
                .isEqualTo(409);
        assertThat(api.patch(riskPath, json("probability", 9, "version", 1)).status())
                .as("out of range")
                .isEqualTo(400);
        assertThat(newRows(api, key)).as("refused changes leave no row").isEmpty();

        Response entry = api.post(project + "/raid", json("type", "ISSUE", "title", "Server room too warm"));
        assertThat(entry.status()).as(entry.toString()).isEqualTo(201);
        String entryPath = project + "/raid/" + entry.body().get("id").asLong();
        assertThat(only(newRows(api, key), "raid entry", "created").get("label").asString())
                .isEqualTo("Server room too warm");
        assertThat(api.patch(entryPath, json("status", "RESOLVED", "version", 0))
                        .status())
                .isEqualTo(200);
        assertThat(changes(only(newRows(api, key), "raid entry", "updated")))
                .containsEntry("status", java.util.Arrays.asList("OPEN", "RESOLVED"));
        assertThat(api.patch(entryPath, json("status", "OPEN", "version", 0)).status())
                .isEqualTo(409);
        assertThat(newRows(api, key)).isEmpty();
        assertThat(api.delete(entryPath).status()).isEqualTo(204);
        assertThat(only(newRows(api, key), "raid entry", "deleted").get("label").asString())
                .isEqualTo("Server room too warm");
        assertThat(api.get(project + "/activity?kind=risk").body().get("items").size())
                .as("the feed filters by the new kinds")
                .isEqualTo(2);
    }

    @Test
    void theFeedFiltersByPersonKindAndDayAndExportsCsvThatASpreadsheetCannotRun() throws Exception {
        TestUser owner = newUser("owner");
        TestUser mate = newUser("mate");
        String key = newProject(owner);
        String project = "/api/v1/projects/" + key;
        addMember(owner.api(), key, mate, "MEMBER");
        createTask(owner.api(), key, json("name", "=HYPERLINK(\"http://evil\")"));
        createTask(mate.api(), key, json("name", "Mate's task"));

        JsonNode mine = owner.api()
                .get(project + "/activity?person=" + mate.id() + "&kind=task")
                .body();
        assertThat(mine.get("items").valueStream().map(row -> row.get("label").asString()))
                .containsExactly("Mate's task");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String yesterday =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2).toString();
        assertThat(owner.api()
                        .get(project + "/activity?to=" + yesterday)
                        .body()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(owner.api()
                        .get(project + "/activity?from=" + yesterday)
                        .body()
                        .get("total")
                        .asLong())
                .isPositive();
        assertThat(errorFields(owner.api().get(project + "/activity?kind=weather")))
                .containsExactly("kind");
        assertThat(errorFields(owner.api().get(project + "/activity?from=" + today + "&to=" + yesterday)))
                .containsExactly("to");
        assertThat(errorFields(owner.api().get(project + "/activity?size=0"))).containsExactly("size");
        assertThat(newUser("outsider").api().get(project + "/activity").status())
                .isEqualTo(404);

        HttpResponse<String> csv = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + project + "/activity/export?kind=task"))
                                .header("Authorization", "Bearer " + token(owner.email(), owner.password()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("When,Who,Kind,Action,What,Field,Old value,New value");
        assertThat(csv.body())
                .contains("\"'=HYPERLINK(\"\"http://evil\"\")\"")
                .contains("\"Mate's task\"")
                .doesNotContain(",\"=HYPERLINK");
    }
}
