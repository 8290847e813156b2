package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.util.List;
import java.util.Map;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WorkBreakdownIT extends ApiIntegrationTest {

    @Test
    void aProjectIsCreatedWithItsCalendarAndReadBackByKeyOrId() {
        TestUser owner = newUser("owner");
        String key = newKey();
        Response created = owner.api()
                .post(
                        "/api/v1/projects",
                        json(
                                "key", key.toLowerCase(),
                                "name", "Data centre move",
                                "description", "Move racks",
                                "startDate", "2026-03-02",
                                "timeZone", "Europe/Berlin",
                                "currency", "usd",
                                "calendar",
                                        json(
                                                "workingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"),
                                                "workingHours",
                                                        List.of(
                                                                json("from", "09:00", "to", "12:00"),
                                                                json("from", "13:00", "to", "18:00")),
                                                "holidays",
                                                        List.of(json("date", "2026-04-03", "name", "Good Friday")))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/projects/" + key);
        JsonNode project = owner.api()
                .get("/api/v1/projects/" + created.body().get("id").asLong())
                .body();
        assertThat(project.get("key").asString()).isEqualTo(key);
        assertThat(project.get("currency").asString()).isEqualTo("USD");
        assertThat(project.get("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(project.get("myRole").asString()).isEqualTo("OWNER");
        assertThat(project.get("calendar").get("workingDays").size()).isEqualTo(4);
        assertThat(project.get("calendar").get("workingHours").get(1).get("to").asString())
                .isEqualTo("18:00:00");
        assertThat(project.get("calendar").get("holidays").get(0).get("name").asString())
                .isEqualTo("Good Friday");

        Response edited = owner.api()
                .patch(
                        "/api/v1/projects/" + key,
                        json(
                                "name",
                                "Data centre relocation",
                                "version",
                                project.get("version").asInt()));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.body().get("name").asString()).isEqualTo("Data centre relocation");
        assertThat(edited.body().get("calendar").get("holidays").size()).isEqualTo(1);

        JsonNode task = createTask(owner.api(), key, json("name", "Plan", "duration", "2d"));
        assertThat(task.get("durationMinutes").asLong())
                .as("a day of this calendar has 8 working hours")
                .isEqualTo(960);
    }

    @Test
    void tasksFormAHierarchyThatIndentOutdentMoveAndReorderKeepNumbered() {
        TestUser owner = newUser("owner");
        String key = newProject(owner);
        ApiClient api = owner.api();
        long design = createTask(api, key, "Design", null).get("id").asLong();
        long build = createTask(api, key, "Build", null).get("id").asLong();
        long backend = createTask(api, key, "Backend", build).get("id").asLong();
        long api1 = createTask(api, key, "API", backend).get("id").asLong();
        long frontend = createTask(api, key, "Frontend", build).get("id").asLong();
        long release = createTask(api, key, json("name", "Release", "milestone", true))
                .get("id")
                .asLong();
        assertThat(outline(api, key))
                .containsExactly("1 Design", "2 Build", "2.1 Backend", "2.1.1 API", "2.2 Frontend", "3 Release");
        JsonNode buildTask =
                api.get("/api/v1/projects/" + key + "/tasks/" + build).body();
        assertThat(buildTask.get("type").asString()).isEqualTo("SUMMARY");
        assertThat(api.get("/api/v1/projects/" + key + "/tasks/" + release)
                        .body()
                        .get("type")
                        .asString())
                .isEqualTo("MILESTONE");

        Response indented = api.post(
                "/api/v1/projects/" + key + "/tasks/" + frontend + "/indent",
                json("version", version(api, key, frontend)));
        assertThat(indented.status()).as(indented.toString()).isEqualTo(200);
        assertThat(indented.body().get("wbs").asString()).isEqualTo("2.1.2");
        assertThat(indented.body().get("parentId").asLong()).isEqualTo(backend);

        Response outdented = api.post(
                "/api/v1/projects/" + key + "/tasks/" + api1 + "/outdent", json("version", version(api, key, api1)));
        assertThat(outdented.status()).as(outdented.toString()).isEqualTo(200);
        assertThat(outline(api, key))
                .containsExactly("1 Design", "2 Build", "2.1 Backend", "2.1.1 Frontend", "2.2 API", "3 Release");

        Response moved = api.post(
                "/api/v1/projects/" + key + "/tasks/" + backend + "/move",
                json("parentId", design, "position", 1, "version", version(api, key, backend)));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(outline(api, key))
                .containsExactly("1 Design", "1.1 Backend", "1.1.1 Frontend", "2 Build", "2.1 API", "3 Release");

        Response reordered = api.post(
                "/api/v1/projects/" + key + "/tasks/" + release + "/move",
                json("parentId", null, "position", 1, "version", version(api, key, release)));
        assertThat(reordered.status()).as(reordered.toString()).isEqualTo(200);
        assertThat(outline(api, key))
                .containsExactly("1 Release", "2 Design", "2.1 Backend", "2.1.1 Frontend", "3 Build", "3.1 API");

        Response inserted = api.post("/api/v1/projects/" + key + "/tasks", json("name", "Kick-off", "position", 1));
        assertThat(inserted.body().get("wbs").asString()).isEqualTo("1");
        assertThat(outline(api, key)).startsWith("1 Kick-off", "2 Release", "3 Design", "3.1 Backend");

        Response underItself = api.post(
                "/api/v1/projects/" + key + "/tasks/" + design + "/move",
                json("parentId", frontend, "version", version(api, key, design)));
        assertThat(errorFields(underItself)).containsExactly("parentId");

        Response firstCannotIndent = api.post(
                "/api/v1/projects/" + key + "/tasks/"
                        + inserted.body().get("id").asLong() + "/indent",
                json("version", inserted.body().get("version").asInt()));
        assertThat(firstCannotIndent.status()).isEqualTo(409);

        Response deleted = api.delete("/api/v1/projects/" + key + "/tasks/" + design);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(outline(api, key)).containsExactly("1 Kick-off", "2 Release", "3 Build", "3.1 API");
        assertThat(api.get("/api/v1/projects/" + key + "/tasks/" + frontend).status())
                .as("subtasks go with their summary")
                .isEqualTo(404);
    }

    @Test
    void dependenciesOfEveryTypeShowOnBothTasksAndCyclesAreRefused() {
        TestUser owner = newUser("owner");
        String key = newProject(owner);
        ApiClient api = owner.api();
        long a = createTask(api, key, "A", null).get("id").asLong();
        long b = createTask(api, key, "B", null).get("id").asLong();
        long c = createTask(api, key, "C", null).get("id").asLong();
        long d = createTask(api, key, "D", null).get("id").asLong();
        String links = "/api/v1/projects/" + key + "/links";
        Response fs = api.post(links, json("predecessorId", a, "successorId", b, "lag", "2d"));
        assertThat(fs.status()).as(fs.toString()).isEqualTo(201);
        assertThat(fs.body().get("type").asString()).isEqualTo("FS");
        assertThat(fs.body().get("lagMinutes").asLong()).isEqualTo(960);
        assertThat(api.post(links, json("predecessorId", b, "successorId", c, "type", "SS", "lag", "-1d"))
                        .body()
                        .get("lag")
                        .asString())
                .isEqualTo("-1d");
        assertThat(api.post(links, json("predecessorId", c, "successorId", d, "type", "FF"))
                        .status())
                .isEqualTo(201);
        assertThat(api.post(links, json("predecessorId", a, "successorId", d, "type", "START_FINISH"))
                        .body()
                        .get("type")
                        .asString())
                .isEqualTo("SF");

        JsonNode taskB = api.get("/api/v1/projects/" + key + "/tasks/" + b).body();
        assertThat(taskB.get("name").asString()).isEqualTo("B");
        assertThat(taskB.get("predecessors").get(0).get("predecessorName").asString())
                .isEqualTo("A");
        assertThat(taskB.get("successors").get(0).get("successorId").asLong()).isEqualTo(c);

        Response cycle = api.post(links, json("predecessorId", d, "successorId", a));
        assertThat(cycle.status()).as(cycle.toString()).isEqualTo(409);
        assertThat(cycle.body().get("cycle").valueStream().map(JsonNode::asLong).toList())
                .contains(a, d);
        Response duplicate = api.post(links, json("predecessorId", a, "successorId", b));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(errorFields(api.post(links, json("predecessorId", a, "successorId", a))))
                .containsExactly("successorId");

        long child = createTask(api, key, "A.1", a).get("id").asLong();
        assertThat(errorFields(api.post(links, json("predecessorId", a, "successorId", child))))
                .containsExactly("successorId");

        assertThat(api.get(links).body().get("total").asLong()).isEqualTo(4);
        long linkId = fs.body().get("id").asLong();
        Response changed = api.patch(
                links + "/" + linkId,
                json(
                        "type",
                        "SS",
                        "lag",
                        "1d",
                        "version",
                        fs.body().get("version").asInt()));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body().get("type").asString()).isEqualTo("SS");
        assertThat(api.delete(links + "/" + linkId).status()).isEqualTo(204);
        assertThat(api.get(links + "?taskId=" + a).body().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void membersAreAddedGivenRolesAndRemovedButTheLastOwnerStays() {
        TestUser owner = newUser("owner");
        TestUser colleague = newUser("colleague");
        String key = newProject(owner);
        String members = "/api/v1/projects/" + key + "/members";
        Response added = owner.api().post(members, json("email", colleague.email(), "role", "MEMBER"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(owner.api()
                        .post(members, json("userId", colleague.id(), "role", "MEMBER"))
                        .status())
                .isEqualTo(409);
        assertThat(colleague
                        .api()
                        .get("/api/v1/projects/" + key)
                        .body()
                        .get("myRole")
                        .asString())
                .isEqualTo("MEMBER");

        Response promoted = owner.api()
                .patch(
                        members + "/" + colleague.id(),
                        json(
                                "role",
                                "MANAGER",
                                "version",
                                added.body().get("version").asInt()));
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        assertThat(promoted.body().get("role").asString()).isEqualTo("MANAGER");

        JsonNode task = createTask(owner.api(), key, json("name", "Assigned", "assigneeIds", List.of(colleague.id())));
        assertThat(task.get("assignees").get(0).get("name").asString()).isEqualTo("colleague Tester");

        Response lastOwner = owner.api().delete(members + "/" + owner.id());
        assertThat(lastOwner.status()).as(lastOwner.toString()).isEqualTo(409);

        assertThat(owner.api().delete(members + "/" + colleague.id()).status()).isEqualTo(204);
        assertThat(colleague.api().get("/api/v1/projects/" + key).status()).isEqualTo(404);
        JsonNode unassigned = owner.api()
                .get("/api/v1/projects/" + key + "/tasks/" + task.get("id").asLong())
                .body();
        assertThat(unassigned.get("assignees").size())
                .as("a former member keeps no assignments")
                .isZero();
        assertThat(owner.api().get(members).body().size()).isEqualTo(1);
    }

    @Test
    void theTaskListPagesFiltersAndSorts() {
        TestUser owner = newUser("owner");
        TestUser worker = newUser("worker");
        String key = newProject(owner);
        addMember(owner.api(), key, worker, "MEMBER");
        ApiClient api = owner.api();
        long parent = createTask(api, key, "Phase", null).get("id").asLong();
        for (int i = 1; i <= 12; i++) {
            createTask(
                    api,
                    key,
                    json(
                            "name", "Step " + i,
                            "parentId", parent,
                            "status", i % 3 == 0 ? "done" : "todo",
                            "tags", i % 4 == 0 ? List.of("risky") : List.of(),
                            "assigneeIds", i <= 2 ? List.of(worker.id()) : List.of()));
        }
        String tasks = "/api/v1/projects/" + key + "/tasks";
        JsonNode page = api.get(tasks + "?page=1&size=5").body();
        assertThat(page.get("total").asLong()).isEqualTo(13);
        assertThat(page.get("items").size()).isEqualTo(5);
        assertThat(page.get("items").get(0).get("wbs").asString()).isEqualTo("1.5");
        assertThat(api.get(tasks + "?status=done").body().get("total").asLong()).isEqualTo(4);
        assertThat(api.get(tasks + "?status=done&status=todo")
                        .body()
                        .get("total")
                        .asLong())
                .isEqualTo(13);
        assertThat(api.get(tasks + "?q=step%201").body().get("total").asLong()).isEqualTo(4);
        assertThat(api.get(tasks + "?parent=root").body().get("total").asLong()).isEqualTo(1);
        assertThat(api.get(tasks + "?parent=" + parent).body().get("total").asLong())
                .isEqualTo(12);
        assertThat(api.get(tasks + "?tag=risky").body().get("total").asLong()).isEqualTo(3);
        assertThat(api.get(tasks + "?assignee=" + worker.id())
                        .body()
                        .get("total")
                        .asLong())
                .isEqualTo(2);
        assertThat(api.get(tasks + "?sort=-name&size=1")
                        .body()
                        .get("items")
                        .get(0)
                        .get("name")
                        .asString())
                .isEqualTo("Step 9");
    }

    @Test
    void anArchivedProjectStaysReadableButRefusesChangesUntilRestored() {
        TestUser owner = newUser("owner");
        String key = newProject(owner);
        long task = createTask(owner.api(), key, "Before", null).get("id").asLong();
        Response archived = owner.api().delete("/api/v1/projects/" + key);
        assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
        assertThat(archived.body().get("archived").asBoolean()).isTrue();
        assertThat(owner.api()
                        .get("/api/v1/projects")
                        .body()
                        .get("items")
                        .valueStream()
                        .map(p -> p.get("key").asString()))
                .doesNotContain(key);
        assertThat(owner.api()
                        .get("/api/v1/projects?includeArchived=true")
                        .body()
                        .get("items")
                        .valueStream()
                        .map(p -> p.get("key").asString()))
                .contains(key);
        assertThat(owner.api().get("/api/v1/projects/" + key + "/tasks/" + task).status())
                .isEqualTo(200);
        assertThat(owner.api()
                        .post("/api/v1/projects/" + key + "/tasks", json("name", "After"))
                        .status())
                .isEqualTo(409);
        Response restored = owner.api()
                .patch(
                        "/api/v1/projects/" + key,
                        json(
                                "archived",
                                false,
                                "version",
                                archived.body().get("version").asInt()));
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(owner.api()
                        .post("/api/v1/projects/" + key + "/tasks", json("name", "After"))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void projectDefinedStatusesCanBeUsedAndOnlyUnusedOnesDeleted() {
        TestUser owner = newUser("owner");
        String key = newProject(owner);
        String statuses = "/api/v1/projects/" + key + "/statuses";
        assertThat(owner.api().get(statuses).body().valueStream().map(s -> s.get("key")
                        .asString()))
                .containsExactly("todo", "in_progress", "done");
        Response review = owner.api().post(statuses, json("name", "In review", "category", "IN_PROGRESS"));
        assertThat(review.status()).as(review.toString()).isEqualTo(201);
        assertThat(review.body().get("key").asString()).isEqualTo("in_review");
        JsonNode task = createTask(owner.api(), key, json("name", "Reviewed", "status", "in_review"));
        assertThat(task.get("status").asString()).isEqualTo("in_review");
        assertThat(owner.api().delete(statuses + "/in_review").status()).isEqualTo(409);
        assertThat(owner.api().delete(statuses + "/done").status()).isEqualTo(409);
        Response done = owner.api()
                .patch(
                        "/api/v1/projects/" + key + "/tasks/" + task.get("id").asLong(),
                        json("status", "done", "version", task.get("version").asInt()));
        assertThat(done.body().get("percentComplete").asInt())
                .as("done means complete")
                .isEqualTo(100);
        assertThat(owner.api().delete(statuses + "/in_review").status()).isEqualTo(204);
    }

    @Test
    void taskFieldsAreUpdatedAndCleared() {
        TestUser owner = newUser("owner");
        String key = newProject(owner);
        JsonNode task = createTask(
                owner.api(),
                key,
                json("name", "Draft", "start", "2026-03-02T08:00", "finish", "2026-03-04T17:00", "tags", List.of("a")));
        String path = "/api/v1/projects/" + key + "/tasks/" + task.get("id").asLong();
        Response updated = owner.api()
                .patch(
                        path,
                        Map.of(
                                "name", "Final",
                                "priority", "HIGH",
                                "duration", "1.5w",
                                "percentComplete", 40,
                                "description", "Details",
                                "version", task.get("version").asInt()));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.body().get("name").asString()).isEqualTo("Final");
        assertThat(updated.body().get("priority").asString()).isEqualTo("HIGH");
        assertThat(updated.body().get("durationMinutes").asLong()).isEqualTo(3600);
        assertThat(updated.body().get("duration").asString()).isEqualTo("1.5w");
        assertThat(updated.body().get("start").asString()).isEqualTo("2026-03-02T08:00:00");
        assertThat(updated.body().get("version").asInt())
                .isEqualTo(task.get("version").asInt() + 1);
        Response cleared = owner.api()
                .patch(
                        path,
                        json(
                                "clear",
                                List.of("start", "finish", "tags"),
                                "version",
                                updated.body().get("version").asInt()));
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        // The server schedules every task, so a start is never empty: clearing it drops the
        // start-no-earlier-than constraint that typing it had set.
        assertThat(owner.api()
                        .get(path + "/schedule")
                        .body()
                        .get("constraintType")
                        .asString())
                .isEqualTo("AS_SOON_AS_POSSIBLE");
        assertThat(cleared.body().get("tags").size()).isZero();
        assertThat(cleared.body().get("description").asString()).isEqualTo("Details");
    }

    private static int version(ApiClient api, String key, long task) {
        return api.get("/api/v1/projects/" + key + "/tasks/" + task)
                .body()
                .get("version")
                .asInt();
    }
}
