package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.util.List;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One notion of resource, driven through the REST API as a project manager would: a member is a work
 * resource and an assignee is an assignment; a rig, a material and a cost are created, edited and
 * deleted (refused while assigned unless the assignments go too); units and work on an assignment move
 * the task's duration by its type, as Microsoft Project does.
 */
class ResourcesAndAssignmentsIT extends ApiIntegrationTest {

    private TestUser owner;
    private TestUser ben;
    private String project;

    @BeforeEach
    void aProjectWithAMember() {
        owner = newUser("owner");
        ben = newUser("ben");
        project = newProject(owner);
        addMember(owner.api(), project, ben, "MEMBER");
    }

    @Test
    void aMemberIsAWorkResourceAndAnAssigneeIsAnAssignmentOfTheirTime() {
        JsonNode person = resourceOfUser(ben.id());
        assertThat(person.get("kind").asString()).isEqualTo("WORK");
        assertThat(person.get("maxUnits").decimalValue()).isEqualByComparingTo("100");

        JsonNode task = createTask(
                owner.api(), project, json("name", "Wire racks", "duration", "3d", "assigneeIds", List.of(ben.id())));
        JsonNode assignments = get("/tasks/" + task.get("id").asLong() + "/assignments");

        assertThat(assignments.size()).isEqualTo(1);
        assertThat(assignments.get(0).get("resourceId").asLong())
                .isEqualTo(person.get("id").asLong());
        assertThat(assignments.get(0).get("units").decimalValue()).isEqualByComparingTo("100");
        assertThat(assignments.get(0).get("workMinutes").asLong()).isEqualTo(3 * 480);
    }

    @Test
    void addingAPersonAgainGivesTheirOneResourceTheFiguresSent() {
        long resourceId = resourceOfUser(ben.id()).get("id").asLong();
        Response again = owner.api().post(resources(), json("name", "Ben", "userId", ben.id(), "maxUnits", 60));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.body().get("id").asLong()).isEqualTo(resourceId);
        assertThat(again.body().get("maxUnits").decimalValue()).isEqualByComparingTo("60");
    }

    @Test
    void unitsAndWorkMoveTheDurationByTheTaskType() {
        long rig = createResource(json("name", "Test rig", "kind", "WORK", "tags", List.of("lab")))
                .get("id")
                .asLong();
        JsonNode task = createTask(owner.api(), project, json("name", "Soak test", "duration", "4d"));
        long taskId = task.get("id").asLong();

        // At 50 % over the task's 4 days, the rig works 16 h and the task keeps its 4 days.
        Response assigned = owner.api().post(tasks(taskId) + "/assignments", json("resourceId", rig, "units", 50));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
        assertThat(assigned.body().get("workMinutes").asLong()).isEqualTo(16 * 60);
        JsonNode fourDays = task(taskId);
        assertThat(fourDays.get("durationMinutes").asLong()).isEqualTo(4 * 480);

        // Fixed units (the default): full time on the same 16 h halves the duration.
        long id = assigned.body().get("id").asLong();
        Response full = owner.api()
                .patch(
                        tasks(taskId) + "/assignments/" + id,
                        json(
                                "units",
                                100,
                                "version",
                                assigned.body().get("version").asInt()));
        assertThat(full.status()).as(full.toString()).isEqualTo(200);
        assertThat(full.body().get("workMinutes").asLong()).isEqualTo(16 * 60);
        JsonNode shorter = task(taskId);
        assertThat(shorter.get("durationMinutes").asLong()).isEqualTo(2 * 480);
        assertThat(shorter.get("finish").asString())
                .isLessThan(fourDays.get("finish").asString());

        // Fixed duration: the 2 days stay, so half the units is half the work.
        Response typed = owner.api()
                .put(
                        tasks(taskId) + "/task-type",
                        json(
                                "taskType",
                                "FIXED_DURATION",
                                "version",
                                shorter.get("version").asInt()));
        assertThat(typed.status()).as(typed.toString()).isEqualTo(200);
        Response half = owner.api()
                .patch(
                        tasks(taskId) + "/assignments/" + id,
                        json("units", 50, "version", full.body().get("version").asInt()));
        assertThat(half.status()).as(half.toString()).isEqualTo(200);
        assertThat(half.body().get("workMinutes").asLong()).isEqualTo(8 * 60);
        assertThat(task(taskId).get("durationMinutes").asLong()).isEqualTo(2 * 480);

        // ... and more work on a fixed duration raises the units instead.
        Response more = owner.api()
                .patch(
                        tasks(taskId) + "/assignments/" + id,
                        json(
                                "workHours",
                                32,
                                "version",
                                half.body().get("version").asInt()));
        assertThat(more.body().get("units").decimalValue()).isEqualByComparingTo("200");
        assertThat(task(taskId).get("durationMinutes").asLong()).isEqualTo(2 * 480);

        // Fixed work: doubling the units halves the duration and keeps the work.
        Response fixedWork = owner.api()
                .put(
                        tasks(taskId) + "/task-type",
                        json(
                                "taskType",
                                "FIXED_WORK",
                                "version",
                                task(taskId).get("version").asInt()));
        assertThat(fixedWork.status()).as(fixedWork.toString()).isEqualTo(200);
        Response four = owner.api()
                .patch(
                        tasks(taskId) + "/assignments/" + id,
                        json("units", 400, "version", more.body().get("version").asInt()));
        assertThat(four.body().get("workMinutes").asLong()).isEqualTo(32 * 60);
        assertThat(task(taskId).get("durationMinutes").asLong()).isEqualTo(480);
    }

    /**
     * Microsoft Project's example: a 4-day task with Ben on it full time (32 h). Effort driven, a rig joining
     * at 100 % takes half the work and the task takes 2 days; the rig leaving gives Ben his 32 h back. On fixed
     * duration the 4 days stay and both drop to 50 %. Not effort driven, the rig brings 32 h of its own.
     */
    @Test
    void anEffortDrivenTaskSharesItsWorkWhenSomeoneJoinsOrLeaves() {
        long rig = createResource(json("name", "Test rig", "kind", "WORK"))
                .get("id")
                .asLong();
        long benId = resourceOfUser(ben.id()).get("id").asLong();
        JsonNode created = createTask(
                owner.api(), project, json("name", "Soak test", "duration", "4d", "assigneeIds", List.of(ben.id())));
        long taskId = created.get("id").asLong();
        JsonNode type = get("/tasks/" + taskId + "/task-type");
        assertThat(type.get("taskType").asString()).isEqualTo("FIXED_UNITS");
        assertThat(type.get("effortDriven").asBoolean()).isFalse();

        Response driven = effortDriven(taskId);
        assertThat(driven.status()).as(driven.toString()).isEqualTo(200);
        assertThat(driven.body().get("effortDriven").asBoolean()).isTrue();
        assertThat(driven.body().get("taskType").asString())
                .as("the type stays")
                .isEqualTo("FIXED_UNITS");
        String fourDayFinish = task(taskId).get("finish").asString();

        Response joined = owner.api().post(tasks(taskId) + "/assignments", json("resourceId", rig, "units", 100));
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        assertThat(joined.body().get("workMinutes").asLong()).isEqualTo(16 * 60);
        assertThat(workOf(taskId, benId)).isEqualTo(16 * 60);
        JsonNode twoDays = task(taskId);
        assertThat(twoDays.get("durationMinutes").asLong()).isEqualTo(2 * 480);
        assertThat(twoDays.get("finish").asString()).isLessThan(fourDayFinish);

        Response left = owner.api()
                .delete(tasks(taskId) + "/assignments/"
                        + joined.body().get("id").asLong());
        assertThat(left.status()).as(left.toString()).isEqualTo(204);
        assertThat(workOf(taskId, benId)).isEqualTo(32 * 60);
        assertThat(task(taskId).get("durationMinutes").asLong()).isEqualTo(4 * 480);
        assertThat(task(taskId).get("finish").asString()).isEqualTo(fourDayFinish);

        // Fixed duration, still effort driven: the rig joins and everyone works half time for the 4 days.
        Response fixedDuration = owner.api()
                .put(
                        tasks(taskId) + "/task-type",
                        json(
                                "taskType",
                                "FIXED_DURATION",
                                "version",
                                task(taskId).get("version").asInt()));
        assertThat(fixedDuration.body().get("effortDriven").asBoolean())
                .as("the flag stays")
                .isTrue();
        Response half = owner.api().post(tasks(taskId) + "/assignments", json("resourceId", rig, "units", 100));
        assertThat(half.body().get("units").decimalValue()).isEqualByComparingTo("50");
        assertThat(half.body().get("workMinutes").asLong()).isEqualTo(16 * 60);
        JsonNode benHalf = assignmentOf(taskId, benId);
        assertThat(benHalf.get("units").decimalValue()).isEqualByComparingTo("50");
        assertThat(benHalf.get("workMinutes").asLong()).isEqualTo(16 * 60);
        assertThat(task(taskId).get("durationMinutes").asLong()).isEqualTo(4 * 480);

        // Not effort driven: the rig's 32 h come on top of Ben's, and the 4 days stay.
        JsonNode other = createTask(
                owner.api(), project, json("name", "Burn-in", "duration", "4d", "assigneeIds", List.of(ben.id())));
        long otherId = other.get("id").asLong();
        Response extra = owner.api().post(tasks(otherId) + "/assignments", json("resourceId", rig, "units", 100));
        assertThat(extra.body().get("workMinutes").asLong()).isEqualTo(32 * 60);
        assertThat(workOf(otherId, benId)).isEqualTo(32 * 60);
        assertThat(task(otherId).get("durationMinutes").asLong()).isEqualTo(4 * 480);

        Response neither = owner.api()
                .put(
                        tasks(otherId) + "/task-type",
                        json("version", task(otherId).get("version").asInt()));
        assertThat(errorFields(neither)).containsExactly("taskType");
        TestUser stranger = newUser("stranger");
        assertThat(stranger.api().get(tasks(otherId) + "/task-type").status()).isEqualTo(404);
    }

    @Test
    void anEffortDrivenTaskSharesItsWorkWhenTheAssigneeListChanges() {
        // The list, the board and My work change a task's assignees without units: the people still share an
        // effort-driven task's work, as they do through the assignments API.
        TestUser cleo = newUser("cleo");
        addMember(owner.api(), project, cleo, "MEMBER");
        JsonNode created = createTask(
                owner.api(),
                project,
                json("name", "Data migration", "duration", "4d", "assigneeIds", List.of(ben.id())));
        long taskId = created.get("id").asLong();
        Response driven = effortDriven(taskId);
        assertThat(driven.status()).as(driven.toString()).isEqualTo(200);
        long benId = resourceOfUser(ben.id()).get("id").asLong();
        long cleoId = resourceOfUser(cleo.id()).get("id").asLong();

        Response both = owner.api()
                .patch(
                        tasks(taskId),
                        json(
                                "assigneeIds",
                                List.of(ben.id(), cleo.id()),
                                "version",
                                task(taskId).get("version").asInt()));
        assertThat(both.status()).as(both.toString()).isEqualTo(200);
        assertThat(workOf(taskId, benId)).isEqualTo(16 * 60);
        assertThat(workOf(taskId, cleoId)).isEqualTo(16 * 60);
        assertThat(task(taskId).get("durationMinutes").asLong()).isEqualTo(2 * 480);

        Response alone = owner.api()
                .patch(
                        tasks(taskId),
                        json(
                                "assigneeIds",
                                List.of(cleo.id()),
                                "version",
                                task(taskId).get("version").asInt()));
        assertThat(alone.status()).as(alone.toString()).isEqualTo(200);
        assertThat(workOf(taskId, cleoId)).isEqualTo(32 * 60);
        assertThat(task(taskId).get("durationMinutes").asLong()).isEqualTo(4 * 480);

        // Not effort driven: a newcomer from the list works the task's whole duration on top.
        long otherId = createTask(
                        owner.api(),
                        project,
                        json("name", "Cut-over", "duration", "4d", "assigneeIds", List.of(ben.id())))
                .get("id")
                .asLong();
        owner.api()
                .patch(
                        tasks(otherId),
                        json(
                                "assigneeIds",
                                List.of(ben.id(), cleo.id()),
                                "version",
                                task(otherId).get("version").asInt()));
        assertThat(workOf(otherId, cleoId)).isEqualTo(32 * 60);
        assertThat(workOf(otherId, benId)).isEqualTo(32 * 60);
        assertThat(task(otherId).get("durationMinutes").asLong()).isEqualTo(4 * 480);
    }

    /** Makes the task effort driven, keeping its type. */
    private Response effortDriven(long taskId) {
        return owner.api()
                .put(
                        tasks(taskId) + "/task-type",
                        json(
                                "effortDriven",
                                true,
                                "version",
                                task(taskId).get("version").asInt()));
    }

    private JsonNode assignmentOf(long taskId, long resourceId) {
        for (JsonNode assignment : get("/tasks/" + taskId + "/assignments")) {
            if (assignment.get("resourceId").asLong() == resourceId) {
                return assignment;
            }
        }
        throw new AssertionError("resource " + resourceId + " is not on task " + taskId);
    }

    private long workOf(long taskId, long resourceId) {
        return assignmentOf(taskId, resourceId).get("workMinutes").asLong();
    }

    @Test
    void aTypedDurationChangesTheWorkOfAFixedUnitsTask() {
        JsonNode task = createTask(
                owner.api(), project, json("name", "Pair on it", "duration", "2d", "assigneeIds", List.of(ben.id())));
        Response longer = owner.api()
                .patch(
                        tasks(task.get("id").asLong()),
                        json("duration", "5d", "version", task.get("version").asInt()));
        assertThat(longer.status()).as(longer.toString()).isEqualTo(200);

        JsonNode assignment =
                get("/tasks/" + task.get("id").asLong() + "/assignments").get(0);
        assertThat(assignment.get("workMinutes").asLong()).isEqualTo(5 * 480);
        assertThat(task(task.get("id").asLong()).get("durationMinutes").asLong())
                .isEqualTo(5 * 480);
    }

    @Test
    void aResourceStillAssignedIsDeletedOnlyWithItsAssignments() {
        JsonNode rig = createResource(json("name", "Crane"));
        long rigId = rig.get("id").asLong();
        long taskId = createTask(owner.api(), project, json("name", "Lift", "duration", "1d"))
                .get("id")
                .asLong();
        assertThat(owner.api()
                        .post(tasks(taskId) + "/assignments", json("resourceId", rigId))
                        .status())
                .isEqualTo(201);

        Response refused = owner.api().delete(resources() + "/" + rigId);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body().get("assignments").asInt()).isEqualTo(1);
        assertThat(refused.body().get("detail").asString()).contains("withAssignments=true");

        Response stale = owner.api().delete(resources() + "/" + rigId + "?withAssignments=true&version=7");
        assertThat(stale.status()).isEqualTo(409);

        Response deleted = owner.api().delete(resources() + "/" + rigId + "?withAssignments=true&version=0");
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        assertThat(get("/tasks/" + taskId + "/assignments").size()).isZero();
        assertThat(owner.api().get(resources() + "/" + rigId).status()).isEqualTo(404);
    }

    @Test
    void aTasksWorkIsHandedToAnotherResourceWithItsUnitsAndWork() {
        JsonNode task = createTask(
                owner.api(), project, json("name", "Cabling", "duration", "2d", "assigneeIds", List.of(ben.id())));
        long taskId = task.get("id").asLong();
        JsonNode bens = get("/tasks/" + taskId + "/assignments").get(0);
        long dana = createResource(json("name", "Dana Contractor")).get("id").asLong();
        String move = tasks(taskId) + "/assignments/" + bens.get("id").asLong() + "/move";

        assertThat(owner.api()
                        .post(move, json("resourceId", dana, "version", 5))
                        .status())
                .isEqualTo(409);
        Response moved = owner.api()
                .post(
                        move,
                        json("resourceId", dana, "version", bens.get("version").asInt()));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.body().get("resourceName").asString()).isEqualTo("Dana Contractor");
        assertThat(moved.body().get("workMinutes").asLong()).isEqualTo(2 * 480);
        assertThat(task(taskId).get("assignees").size()).isZero();
        assertThat(errorFields(owner.api()
                        .post(
                                tasks(taskId) + "/assignments/"
                                        + moved.body().get("id").asLong() + "/move",
                                json("resourceId", 999999999))))
                .contains("resourceId", "version");
    }

    @Test
    void removingAPersonsAssignmentRemovesThemAsAssignee() {
        JsonNode task = createTask(
                owner.api(), project, json("name", "Review", "duration", "1d", "assigneeIds", List.of(ben.id())));
        long taskId = task.get("id").asLong();
        JsonNode assignment = get("/tasks/" + taskId + "/assignments").get(0);

        Response removed = owner.api()
                .delete(tasks(taskId) + "/assignments/" + assignment.get("id").asLong());
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        assertThat(task(taskId).get("assignees").size()).isZero();
    }

    @Test
    void materialsAndCostsAreResourcesToo() {
        JsonNode concrete =
                createResource(json("name", "Concrete", "kind", "MATERIAL", "materialLabel", "t", "standardRate", 90));
        assertThat(concrete.get("materialLabel").asString()).isEqualTo("t");
        assertThat(concrete.get("standardRate").decimalValue()).isEqualByComparingTo("90");
        JsonNode travel = createResource(json("name", "Travel", "kind", "COST"));
        assertThat(travel.get("kind").asString()).isEqualTo("COST");

        Response renamed = owner.api()
                .patch(
                        resources() + "/" + concrete.get("id").asLong(),
                        json(
                                "name",
                                "Ready-mix concrete",
                                "materialLabel",
                                "m3",
                                "tags",
                                List.of("civil"),
                                "version",
                                0));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.body().get("materialLabel").asString()).isEqualTo("m3");
        assertThat(renamed.body().get("tags").get(0).asString()).isEqualTo("civil");
        assertThat(owner.api()
                        .delete(resources() + "/" + travel.get("id").asLong())
                        .status())
                .isEqualTo(204);
    }

    @Test
    void wrongAndStaleAssignmentChangesAreProblemsNotWrites() {
        long rig = createResource(json("name", "Rig")).get("id").asLong();
        long taskId = createTask(owner.api(), project, json("name", "Burn-in", "duration", "1d"))
                .get("id")
                .asLong();
        JsonNode assignment = owner.api()
                .post(tasks(taskId) + "/assignments", json("resourceId", rig))
                .body();
        String path = tasks(taskId) + "/assignments/" + assignment.get("id").asLong();

        assertThat(errorFields(owner.api().patch(path, json("units", -5, "workHours", -1))))
                .contains("units", "workHours", "version");
        Response stale = owner.api().patch(path, json("units", 50, "version", 99));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("current").get("units").decimalValue()).isEqualByComparingTo("100");
        assertThat(owner.api()
                        .patch(tasks(taskId) + "/assignments/999999999", json("units", 5, "version", 0))
                        .status())
                .isEqualTo(404);
        assertThat(errorFields(owner.api().put(tasks(taskId) + "/task-type", json("taskType", "FIXED_FUN"))))
                .contains("taskType", "version");
        assertThat(ben.api().post(resources(), json("name", "Not mine")).status())
                .isEqualTo(403);
    }

    private JsonNode resourceOfUser(long userId) {
        for (JsonNode resource : owner.api().get(resources()).body().get("items")) {
            if (resource.get("userId") != null && resource.get("userId").asLong() == userId) {
                return resource;
            }
        }
        throw new AssertionError("no resource for user " + userId);
    }

    private JsonNode createResource(Object body) {
        Response created = owner.api().post(resources(), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body();
    }

    private JsonNode get(String path) {
        Response reply = owner.api().get("/api/v1/projects/" + project + path);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.body();
    }

    private JsonNode task(long id) {
        return get("/tasks/" + id);
    }

    private String tasks(long id) {
        return "/api/v1/projects/" + project + "/tasks/" + id;
    }

    private String resources() {
        return "/api/v1/projects/" + project + "/resources";
    }
}
