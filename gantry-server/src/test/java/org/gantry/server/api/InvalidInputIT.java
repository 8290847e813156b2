package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Each invalid field is a 400 problem that names it; nothing is written; never a 500. */
class InvalidInputIT extends ApiIntegrationTest {

    private static volatile TestUser owner;
    private static volatile String key;

    private void setUp() {
        if (owner == null) {
            owner = newUser("owner");
            key = newProject(owner);
        }
    }

    static Stream<Arguments> invalidTasks() {
        return Stream.of(
                Arguments.of("{\"name\": \"\"}", "name"),
                Arguments.of("{}", "name"),
                Arguments.of("{\"name\": \"" + "x".repeat(501) + "\"}", "name"),
                Arguments.of("{\"name\": \"A\", \"priority\": \"URGENT\"}", "priority"),
                Arguments.of("{\"name\": \"A\", \"status\": \"nonsense\"}", "status"),
                Arguments.of("{\"name\": \"A\", \"start\": \"next tuesday\"}", "start"),
                Arguments.of(
                        "{\"name\": \"A\", \"start\": \"2026-03-05T08:00\", \"finish\": \"2026-03-02T17:00\"}",
                        "finish"),
                Arguments.of("{\"name\": \"A\", \"percentComplete\": 101}", "percentComplete"),
                Arguments.of("{\"name\": \"A\", \"percentComplete\": \"half\"}", "percentComplete"),
                Arguments.of("{\"name\": \"A\", \"duration\": \"soon\"}", "duration"),
                Arguments.of("{\"name\": \"A\", \"duration\": \"-2d\"}", "duration"),
                Arguments.of("{\"name\": \"A\", \"durationMinutes\": -5}", "durationMinutes"),
                Arguments.of(
                        "{\"name\": \"A\", \"durationUnit\": \"FORTNIGHTS\", \"durationMinutes\": 5}", "durationUnit"),
                Arguments.of("{\"name\": \"A\", \"parentId\": 999999999}", "parentId"),
                Arguments.of("{\"name\": \"A\", \"parentId\": \"abc\"}", "parentId"),
                Arguments.of("{\"name\": \"A\", \"position\": 0}", "position"),
                Arguments.of("{\"name\": \"A\", \"tags\": [\"\"]}", "tags"),
                Arguments.of("{\"name\": \"A\", \"tags\": \"one\"}", "tags"),
                Arguments.of("{\"name\": \"A\", \"assigneeIds\": [999999999]}", "assigneeIds"),
                Arguments.of("{\"name\": \"A\", \"milestone\": \"maybe\"}", "milestone"),
                Arguments.of("{\"name\": \"a\\u0000b\"}", "name"),
                Arguments.of("{\"name\": \"A\", \"tags\": [\"x\\u0000\"]}", "tags[0]"),
                Arguments.of("{\"name\": \"A\", \"durationMinutes\": 99999999999999999999}", "durationMinutes"),
                Arguments.of("{\"name\": ", "body"),
                Arguments.of("[1, 2]", "body"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("invalidTasks")
    void anInvalidTaskFieldIsNamedAndNothingIsCreated(String body, String field) {
        setUp();
        long before = count();
        Response response = owner.api().post("/api/v1/projects/" + key + "/tasks", body);
        assertThat(errorFields(response)).as(response.toString()).containsExactly(field);
        assertThat(response.body().get("status").asInt()).isEqualTo(400);
        assertThat(count()).isEqualTo(before);
    }

    static Stream<Arguments> invalidProjects() {
        return Stream.of(
                Arguments.of(json("name", "P"), "key"),
                Arguments.of(json("key", "1ABC", "name", "P"), "key"),
                Arguments.of(json("key", "TOOLONGKEY12", "name", "P"), "key"),
                Arguments.of(json("key", newKey()), "name"),
                Arguments.of(json("key", newKey(), "name", "P", "timeZone", "Mars/Olympus"), "timeZone"),
                Arguments.of(json("key", newKey(), "name", "P", "currency", "EURO"), "currency"),
                Arguments.of(json("key", newKey(), "name", "P", "startDate", "2026-02-30"), "startDate"),
                Arguments.of(
                        json(
                                "key",
                                newKey(),
                                "name",
                                "P",
                                "calendar",
                                json(
                                        "workingDays",
                                        List.of(),
                                        "workingHours",
                                        List.of(json("from", "08:00", "to", "12:00")))),
                        "calendar.workingDays"),
                Arguments.of(
                        json(
                                "key",
                                newKey(),
                                "name",
                                "P",
                                "calendar",
                                json(
                                        "workingDays",
                                        List.of("MONDAY"),
                                        "workingHours",
                                        List.of(json("from", "12:00", "to", "08:00")))),
                        "calendar.workingHours[0].to"),
                Arguments.of(
                        json("key", newKey(), "name", "P", "calendar", json("workingDays", List.of("FUNDAY"))),
                        "calendar.workingDays[0]"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidProjects")
    void anInvalidProjectFieldIsNamedAndNoProjectIsCreated(Map<String, Object> body, String field) {
        setUp();
        Response response = owner.api().post("/api/v1/projects", body);
        assertThat(errorFields(response)).as(response.toString()).contains(field);
        Object projectKey = body.get("key");
        if (projectKey instanceof String k && k.matches("[A-Z][A-Z0-9]{1,9}")) {
            assertThat(owner.api().get("/api/v1/projects/" + k).status()).isEqualTo(404);
        }
    }

    @Test
    void severalInvalidFieldsAreAllNamedAtOnce() {
        setUp();
        Response response = owner.api()
                .post(
                        "/api/v1/projects/" + key + "/tasks",
                        json("name", " ", "percentComplete", -1, "status", "bogus"));
        assertThat(errorFields(response)).containsExactlyInAnyOrder("name", "percentComplete", "status");
    }

    @Test
    void invalidLinksMembersQueriesAndPathsAreNamedToo() {
        setUp();
        ApiClient api = owner.api();
        long a = createTask(api, key, "Link A", null).get("id").asLong();
        String links = "/api/v1/projects/" + key + "/links";
        assertThat(errorFields(api.post(links, json("predecessorId", a)))).containsExactly("successorId");
        assertThat(errorFields(api.post(links, json("predecessorId", a, "successorId", 999999999L))))
                .containsExactly("successorId");
        assertThat(errorFields(api.post(links, "{\"predecessorId\": 1, \"successorId\": 2, \"type\": \"XX\"}")))
                .containsExactly("type");
        long b = createTask(api, key, "Link B", null).get("id").asLong();
        assertThat(errorFields(api.post(links, json("predecessorId", a, "successorId", b, "lag", "later"))))
                .containsExactly("lag");
        String members = "/api/v1/projects/" + key + "/members";
        assertThat(errorFields(api.post(members, json("email", "nobody@nowhere.test", "role", "MEMBER"))))
                .containsExactly("email");
        assertThat(errorFields(api.post(members, "{\"email\": \"x@y.z\", \"role\": \"BOSS\"}")))
                .containsExactly("role");
        String tasks = "/api/v1/projects/" + key + "/tasks";
        assertThat(errorFields(api.get(tasks + "?size=0"))).containsExactly("size");
        assertThat(errorFields(api.get(tasks + "?page=x"))).containsExactly("page");
        assertThat(errorFields(api.get(tasks + "?sort=colour"))).containsExactly("sort");
        assertThat(errorFields(api.get(tasks + "?parent=top"))).containsExactly("parent");
        assertThat(errorFields(api.get(tasks + "/abc"))).containsExactly("id");
        assertThat(errorFields(api.patch(tasks + "/" + a, json("clear", List.of("name"), "version", 0))))
                .containsExactly("clear");
        assertThat(errorFields(admin().post("/api/v1/users", json("email", "not-an-email", "name", "X"))))
                .containsExactly("email");
    }

    @Test
    void anInvalidFieldInAnUpdateLeavesTheTaskUnchanged() {
        setUp();
        JsonNode task = createTask(owner.api(), key, "Unchanged", null);
        String path = "/api/v1/projects/" + key + "/tasks/" + task.get("id").asLong();
        Response response = owner.api()
                .patch(
                        path,
                        json(
                                "name",
                                "Changed",
                                "percentComplete",
                                200,
                                "version",
                                task.get("version").asInt()));
        assertThat(errorFields(response)).containsExactly("percentComplete");
        JsonNode after = owner.api().get(path).body();
        assertThat(after.get("name").asString()).isEqualTo("Unchanged");
        assertThat(after.get("version").asInt()).isEqualTo(task.get("version").asInt());
    }

    private long count() {
        return owner.api()
                .get("/api/v1/projects/" + key + "/tasks?size=1")
                .body()
                .get("total")
                .asLong();
    }
}
