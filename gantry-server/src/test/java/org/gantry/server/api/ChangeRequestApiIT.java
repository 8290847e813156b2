package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Change requests through the API, on a plan whose dates are worked out by hand: from Monday 2026-03-02,
 * Monday to Friday 08:00-12:00 and 13:00-17:00, A (3 days, Monday to Wednesday) then B (2 days, Thursday
 * and Friday) then the milestone Go live (Friday 6 March 17:00); C (4 days, Monday to Thursday) alone, one
 * day of slack. A 5-day task between A and B moves B and Go live by five working days (B: Thursday 12 and
 * Friday 13 March) and nothing else.
 */
class ChangeRequestApiIT extends ApiIntegrationTest {

    @Autowired
    MeterRegistry meters;

    record Plan(TestUser owner, String key, long a, long b, long c, long goLive) {
        String path() {
            return "/api/v1/projects/" + key;
        }

        String changes() {
            return path() + "/change-requests";
        }

        ApiClient api() {
            return owner.api();
        }
    }

    private Plan plan() {
        TestUser owner = newUser("change-owner");
        String key = newProjectStarting(owner.api(), "Changing", LocalDate.of(2026, 3, 2));
        long a = taskId(owner.api(), key, json("name", "A", "duration", "3d"));
        long b = taskId(owner.api(), key, json("name", "B", "duration", "2d"));
        long c = taskId(owner.api(), key, json("name", "C", "duration", "4d"));
        long goLive = taskId(owner.api(), key, json("name", "Go live", "milestone", true));
        link(owner.api(), key, a, b);
        link(owner.api(), key, b, goLive);
        return new Plan(owner, key, a, b, c, goLive);
    }

    private static Map<String, Object> securityReview(Plan plan) {
        return json(
                "type", "ADD_TASK",
                "name", "Security review",
                "duration", "5d",
                "predecessorIds", List.of(plan.a()),
                "successorIds", List.of(plan.b()));
    }

    private static JsonNode draft(Plan plan, String title, Object... edits) {
        Response created = plan.api()
                .post(
                        plan.changes(),
                        json(
                                "title",
                                title,
                                "reason",
                                "Audit finding",
                                "requestedBy",
                                "CISO",
                                "edits",
                                List.of(edits)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body();
    }

    private static JsonNode task(Plan plan, long id) {
        return ok(plan.api().get(plan.path() + "/tasks/" + id));
    }

    private static Map<String, JsonNode> tasksByName(Plan plan) {
        Map<String, JsonNode> byName = new HashMap<>();
        ok(plan.api().get(plan.path() + "/tasks?size=100"))
                .get("items")
                .forEach(task -> byName.put(task.get("name").asString(), task));
        return byName;
    }

    private static List<String> names(JsonNode refs) {
        List<String> names = new ArrayList<>();
        refs.forEach(ref -> names.add(ref.get("name").asString()));
        return names;
    }

    @Test
    void aFiveDayTaskOnTheCriticalPathMovesTheFinishFiveWorkingDaysAndOnlyTheTasksAfterIt() {
        Plan plan = plan();
        JsonNode request = draft(plan, "Add a security review", securityReview(plan));

        JsonNode impact =
                ok(plan.api().get(plan.changes() + "/" + request.get("id").asLong() + "/impact"));

        assertThat(request.get("state").asString()).isEqualTo("DRAFT");
        assertThat(request.get("edits").get(0).get("durationMinutes").asLong()).isEqualTo(5 * 480);
        assertThat(impact.get("finishBefore").asString()).isEqualTo("2026-03-06T17:00:00");
        assertThat(impact.get("finishAfter").asString()).isEqualTo("2026-03-13T17:00:00");
        assertThat(impact.get("finishDeltaWorkingDays").asDouble()).isEqualTo(5.0);
        Map<Long, JsonNode> moved = new HashMap<>();
        impact.get("movedTasks").forEach(task -> moved.put(task.get("id").asLong(), task));
        assertThat(moved.keySet()).containsExactlyInAnyOrder(plan.b(), plan.goLive());
        JsonNode b = moved.get(plan.b());
        assertThat(b.get("oldStart").asString()).isEqualTo("2026-03-05T08:00:00");
        assertThat(b.get("oldFinish").asString()).isEqualTo("2026-03-06T17:00:00");
        assertThat(b.get("newStart").asString()).isEqualTo("2026-03-12T08:00:00");
        assertThat(b.get("newFinish").asString()).isEqualTo("2026-03-13T17:00:00");
        JsonNode milestone = impact.get("milestones").get(0);
        assertThat(milestone.get("name").asString()).isEqualTo("Go live");
        assertThat(milestone.get("before").asString()).isEqualTo("2026-03-06T17:00:00");
        assertThat(milestone.get("after").asString()).isEqualTo("2026-03-13T17:00:00");
        assertThat(milestone.get("deltaWorkingDays").asDouble()).isEqualTo(5.0);
        JsonNode added = impact.get("addedTasks").get(0);
        assertThat(added.get("name").asString()).isEqualTo("Security review");
        assertThat(added.get("start").asString()).isEqualTo("2026-03-05T08:00:00");
        assertThat(added.get("finish").asString()).isEqualTo("2026-03-11T17:00:00");
        assertThat(added.get("critical").asBoolean()).isTrue();
        assertThat(names(impact.get("criticalPathBefore"))).containsExactly("A", "B", "Go live");
        assertThat(names(impact.get("criticalPathAfter"))).containsExactly("A", "Security review", "B", "Go live");
        assertThat(impact.get("criticalPathAfter").get(1).get("id").isNull()).isTrue();
        assertThat(impact.get("removedTasks")).isEmpty();
        assertThat(impact.get("taskDaysBefore").asDouble()).isEqualTo(9.0);
        assertThat(impact.get("taskDaysDelta").asDouble()).isEqualTo(5.0);
        // A what-if writes nothing: the plan keeps its dates.
        assertThat(task(plan, plan.b()).get("finish").asString()).isEqualTo("2026-03-06T17:00:00");
        assertThat(tasksByName(plan)).doesNotContainKey("Security review");
    }

    @Test
    void removingATaskAndChangingADurationShowTheEarlierFinishAndTheNewCriticalPath() {
        Plan plan = plan();
        JsonNode request = draft(
                plan,
                "Drop A, stretch C",
                json("type", "REMOVE_TASK", "taskId", plan.a()),
                json("type", "CHANGE_DURATION", "taskId", plan.c(), "duration", "3d"));

        JsonNode impact =
                ok(plan.api().get(plan.changes() + "/" + request.get("id").asLong() + "/impact"));

        // Without A, B runs Monday and Tuesday; C (now 3 days) ends Wednesday 4 March and drives the finish.
        assertThat(impact.get("finishAfter").asString()).isEqualTo("2026-03-04T17:00:00");
        assertThat(impact.get("finishDeltaWorkingDays").asDouble()).isEqualTo(-2.0);
        assertThat(names(impact.get("removedTasks"))).containsExactly("A");
        assertThat(names(impact.get("criticalPathAfter"))).containsExactly("C");
        assertThat(impact.get("taskDaysDelta").asDouble()).isEqualTo(-4.0);
    }

    @Test
    void removingATaskTakesItsPlannedCostAwayForThoseWhoSeeCosts() {
        Plan plan = plan();
        TestUser member = newUser("change-cost-member");
        addMember(plan.api(), plan.key(), member, "MEMBER");
        Response resource = plan.api().post(plan.path() + "/resources", json("name", "Pat", "standardRate", 50));
        assertThat(resource.status()).as(resource.toString()).isEqualTo(201);
        long pat = resource.body().get("id").asLong();
        for (Map.Entry<Long, Integer> work : Map.of(plan.a(), 24, plan.b(), 16).entrySet()) {
            Response assigned = plan.api()
                    .post(
                            plan.path() + "/tasks/" + work.getKey() + "/assignments",
                            json("resourceId", pat, "units", 100, "workHours", work.getValue()));
            assertThat(assigned.status()).as(assigned.toString()).isEqualTo(201);
        }
        long id = draft(plan, "Drop A", json("type", "REMOVE_TASK", "taskId", plan.a()))
                .get("id")
                .asLong();

        JsonNode owners = ok(plan.api().get(plan.changes() + "/" + id + "/impact"));
        JsonNode members = ok(member.api().get(plan.changes() + "/" + id + "/impact"));

        // 24 h and 16 h at 50 an hour: 1,200 and 800.
        assertThat(owners.get("costBefore").decimalValue()).isEqualByComparingTo("2000");
        assertThat(owners.get("costAfter").decimalValue()).isEqualByComparingTo("800");
        assertThat(owners.get("costDelta").decimalValue()).isEqualByComparingTo("-1200");
        assertThat(members.get("costBefore").isNull()).isTrue();
        assertThat(members.get("costDelta").isNull()).isTrue();
        assertThat(owners.get("estimateAtCompletionDelta").isNull())
                .as("no baseline: no earned value, no EAC")
                .isTrue();
        assertThat(members.get("finishDeltaWorkingDays").asDouble())
                .isEqualTo(owners.get("finishDeltaWorkingDays").asDouble());
    }

    /**
     * Pat (50 an hour) works 24 h on A: BAC 1,200 in baseline 0. A is half done (EV 600) and Pat logged 16 h
     * (AC 800): CPI 0.75, EAC = 1,200 / 0.75 = 1,600. Proposing Lee (40 an hour, 20 per use) for 10 h on B
     * adds 420 to the plan, and 420 / 0.75 = 560 to the EAC. As assigning does, B then lasts as long as Lee's
     * 10 h at 100 %: Thursday and Friday until 10:00, three quarters of a day earlier.
     */
    @Test
    void anAddedAssignmentShowsItsCostAndTheEacDeltaAndApprovingPutsTheResourceOnTheTask() {
        Plan plan = plan();
        TestUser pat = newUser("change-pat");
        TestUser member = newUser("change-eac-member");
        addMember(plan.api(), plan.key(), pat, "MEMBER");
        addMember(plan.api(), plan.key(), member, "MEMBER");
        long patResource = ok201(plan.api()
                        .post(plan.path() + "/resources", json("name", "Pat", "userId", pat.id(), "standardRate", 50)))
                .get("id")
                .asLong();
        long lee = ok201(plan.api()
                        .post(plan.path() + "/resources", json("name", "Lee", "standardRate", 40, "costPerUse", 20)))
                .get("id")
                .asLong();
        ok201(plan.api()
                .post(
                        plan.path() + "/tasks/" + plan.a() + "/assignments",
                        json("resourceId", patResource, "units", 100, "workHours", 24)));
        Response baseline = plan.api().post(plan.path() + "/baselines/0", json());
        assertThat(baseline.status()).as(baseline.toString()).isBetween(200, 201);
        ok(plan.api()
                .patch(
                        plan.path() + "/tasks/" + plan.a(),
                        json(
                                "percentComplete",
                                50,
                                "version",
                                task(plan, plan.a()).get("version").asInt())));
        for (String day : List.of("2026-03-02", "2026-03-03")) {
            ok201(pat.api().post("/api/v1/time-entries", json("taskId", plan.a(), "date", day, "hours", "8")));
        }
        // Logged hours are actual cost once approved.
        long week = ok201(pat.api().post(plan.path() + "/timesheet-submissions", json("week", "2026-03-02")))
                .get("id")
                .asLong();
        ok(plan.api().post(plan.path() + "/timesheet-submissions/" + week + "/approve", json("version", 0)));
        long id = draft(
                        plan,
                        "Lee reviews B",
                        json("type", "ADD_ASSIGNMENT", "taskId", plan.b(), "resourceId", lee, "workHours", 10))
                .get("id")
                .asLong();

        JsonNode impact = ok(plan.api().get(plan.changes() + "/" + id + "/impact"));
        assertThat(impact.get("costBefore").decimalValue()).isEqualByComparingTo("1200");
        assertThat(impact.get("costAfter").decimalValue()).isEqualByComparingTo("1620");
        assertThat(impact.get("costDelta").decimalValue()).isEqualByComparingTo("420");
        assertThat(impact.get("estimateAtCompletionBefore").decimalValue()).isEqualByComparingTo("1600");
        assertThat(impact.get("estimateAtCompletionAfter").decimalValue()).isEqualByComparingTo("2160");
        assertThat(impact.get("estimateAtCompletionDelta").decimalValue()).isEqualByComparingTo("560");
        assertThat(impact.get("finishAfter").asString()).isEqualTo("2026-03-06T10:00:00");
        assertThat(impact.get("finishDeltaWorkingDays").asDouble()).isEqualTo(-0.75);
        assertThat(impact.get("movedTasks")).hasSize(2);
        assertThat(impact.get("workHoursDelta").asDouble()).isEqualTo(10.0);
        JsonNode members = ok(member.api().get(plan.changes() + "/" + id + "/impact"));
        assertThat(members.get("costDelta").isNull()).isTrue();
        assertThat(members.get("estimateAtCompletionDelta").isNull())
                .as("money is for owners and managers")
                .isTrue();
        JsonNode stored =
                ok(plan.api().get(plan.changes() + "/" + id)).get("edits").get(0);
        assertThat(stored.get("units").decimalValue()).isEqualByComparingTo("100");

        ok(plan.api().post(plan.changes() + "/" + id + "/submit", null));
        ok(plan.api().post(plan.changes() + "/" + id + "/approve", json("note", "Board")));

        JsonNode onB = ok(plan.api().get(plan.path() + "/tasks/" + plan.b() + "/assignments"));
        assertThat(onB).hasSize(1);
        assertThat(onB.get(0).get("resourceId").asLong()).isEqualTo(lee);
        assertThat(onB.get(0).get("workMinutes").asLong()).isEqualTo(600);
        assertThat(task(plan, plan.b()).get("finish").asString()).isEqualTo("2026-03-06T10:00:00");
        // Proposing Lee on B again cannot apply any more: refused when drafted.
        Response again = plan.api()
                .post(
                        plan.changes(),
                        json(
                                "title",
                                "Lee again",
                                "edits",
                                List.of(json(
                                        "type",
                                        "ADD_ASSIGNMENT",
                                        "taskId",
                                        plan.b(),
                                        "resourceId",
                                        lee,
                                        "workHours",
                                        2))));
        assertThat(again.status()).as(again.toString()).isEqualTo(400);
        assertThat(errorFields(again)).containsExactly("edits[0].resourceId");
    }

    @Test
    void invalidAssignmentEditsAreRefusedFieldByFieldAndWriteNothing() {
        Plan plan = plan();
        long pat = ok201(plan.api().post(plan.path() + "/resources", json("name", "Pat", "standardRate", 50)))
                .get("id")
                .asLong();
        Response refused = plan.api()
                .post(
                        plan.changes(),
                        json(
                                "title",
                                "Bad assignments",
                                "edits",
                                List.of(
                                        json("type", "ADD_ASSIGNMENT", "taskId", plan.a(), "resourceId", pat),
                                        json(
                                                "type",
                                                "ADD_ASSIGNMENT",
                                                "taskId",
                                                plan.a(),
                                                "resourceId",
                                                pat,
                                                "workHours",
                                                8,
                                                "units",
                                                -5),
                                        json("type", "ADD_ASSIGNMENT", "resourceId", pat, "workHours", 8))));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(errorFields(refused))
                .containsExactlyInAnyOrder("edits[0].workHours", "edits[1].units", "edits[2].taskId");
        Response unknown = plan.api()
                .post(
                        plan.changes(),
                        json(
                                "title",
                                "Nobody",
                                "edits",
                                List.of(
                                        json(
                                                "type",
                                                "ADD_ASSIGNMENT",
                                                "taskId",
                                                plan.a(),
                                                "resourceId",
                                                999_999_999L,
                                                "workHours",
                                                8),
                                        json(
                                                "type",
                                                "ADD_ASSIGNMENT",
                                                "taskId",
                                                999_999_999L,
                                                "resourceId",
                                                pat,
                                                "workHours",
                                                8))));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        // Every edit that cannot apply is named at once.
        assertThat(errorFields(unknown)).containsExactly("edits[0].resourceId", "edits[1].taskId");
        Response twice = plan.api()
                .post(
                        plan.changes(),
                        json(
                                "title",
                                "Twice",
                                "edits",
                                List.of(
                                        json(
                                                "type",
                                                "ADD_ASSIGNMENT",
                                                "taskId",
                                                plan.a(),
                                                "resourceId",
                                                999_999_999L,
                                                "workHours",
                                                8),
                                        json(
                                                "type",
                                                "ADD_ASSIGNMENT",
                                                "taskId",
                                                plan.a(),
                                                "resourceId",
                                                pat,
                                                "workHours",
                                                8),
                                        json(
                                                "type",
                                                "ADD_ASSIGNMENT",
                                                "taskId",
                                                plan.a(),
                                                "resourceId",
                                                pat,
                                                "workHours",
                                                4))));
        assertThat(twice.status()).as(twice.toString()).isEqualTo(400);
        assertThat(errorFields(twice)).containsExactly("edits[0].resourceId", "edits[2].resourceId");
        assertThat(twice.body().get("errors").get(0).get("message").asString()).contains("is not a resource of");
        assertThat(twice.body().get("errors").get(1).get("message").asString()).contains("already works on this task");
        assertThat(ok(plan.api().get(plan.changes()))).isEmpty();
        assertThat(ok(plan.api().get(plan.path() + "/tasks/" + plan.a() + "/assignments")))
                .isEmpty();
    }

    /** Reschedules of any project so far; other tests do not run beside this one in the test JVM. */
    private long reschedules() {
        return meters.get("gantry.reschedule").tag("phase", "total").timer().count();
    }

    private static JsonNode ok201(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.body();
    }

    @Test
    void approvingAppliesTheEditsToThePlanRecordsTheDecisionAndSavesABaseline() {
        Plan plan = plan();
        long id = draft(plan, "Add a security review", securityReview(plan))
                .get("id")
                .asLong();
        JsonNode submitted = ok(plan.api().post(plan.changes() + "/" + id + "/submit", null));
        long reschedulesBefore = reschedules();

        JsonNode approved = ok(plan.api()
                .post(plan.changes() + "/" + id + "/approve", json("note", "Board 5 March", "baselineSlot", 1)));

        // A task and its two links are three edits of the plan, and one reschedule after the last of them.
        assertThat(reschedules() - reschedulesBefore).isEqualTo(1);

        assertThat(submitted.get("state").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.get("impact").get("finishDeltaWorkingDays").asDouble())
                .isEqualTo(5.0);
        assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("decisionNote").asString()).isEqualTo("Board 5 March");
        assertThat(approved.get("decidedById").asLong()).isEqualTo(plan.owner().id());
        assertThat(approved.get("decidedAt").isNull()).isFalse();
        assertThat(approved.get("baselineSlot").asInt()).isEqualTo(1);
        Map<String, JsonNode> tasks = tasksByName(plan);
        JsonNode review = tasks.get("Security review");
        assertThat(review).isNotNull();
        assertThat(review.get("start").asString()).isEqualTo("2026-03-05T08:00:00");
        assertThat(review.get("finish").asString()).isEqualTo("2026-03-11T17:00:00");
        assertThat(tasks.get("B").get("finish").asString()).isEqualTo("2026-03-13T17:00:00");
        assertThat(tasks.get("Go live").get("finish").asString()).isEqualTo("2026-03-13T17:00:00");
        assertThat(tasks.get("C").get("finish").asString()).isEqualTo("2026-03-05T17:00:00");
        JsonNode links = ok(
                plan.api().get(plan.path() + "/links?taskId=" + review.get("id").asLong()));
        assertThat(links.get("items")).hasSize(2);
        JsonNode baseline = ok(plan.api().get(plan.path() + "/baselines")).get(1);
        assertThat(baseline.get("tasks").asInt()).isEqualTo(5);

        JsonNode log = ok(plan.api().get(plan.changes() + "?state=APPROVED"));
        assertThat(log).hasSize(1);
        assertThat(log.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(log.get(0).get("impact").get("finishAfter").asString()).isEqualTo("2026-03-13T17:00:00");
        assertThat(log.get(0).get("impact").get("movedTasks").asInt()).isEqualTo(2);
        assertThat(log.get(0).get("impact").get("addedTasks").asInt()).isEqualTo(1);
        JsonNode activity = ok(plan.api().get(plan.path() + "/activity?kind=change%20request"));
        JsonNode decision = activity.get("items").get(0);
        assertThat(decision.get("label").asString()).isEqualTo("Add a security review");
        assertThat(decision.get("actorId").asLong()).isEqualTo(plan.owner().id());
        assertThat(decision.get("changes").toString()).contains("SUBMITTED", "APPROVED", "Board 5 March");
        // Applied once: the impact of an approved request is its change-log entry, and it cannot be approved again.
        assertThat(plan.api().get(plan.changes() + "/" + id + "/impact").status())
                .isEqualTo(409);
        assertThat(plan.api().post(plan.changes() + "/" + id + "/approve", null).status())
                .isEqualTo(409);
        assertThat(plan.api().delete(plan.changes() + "/" + id).status()).isEqualTo(409);
    }

    @Test
    void approvingAfterAConflictingEditIsRefusedWithTheRecomputedImpactAndAppliesNothing() {
        Plan plan = plan();
        long id = draft(plan, "Add a security review", securityReview(plan))
                .get("id")
                .asLong();
        ok(plan.api().post(plan.changes() + "/" + id + "/submit", null));
        JsonNode b = task(plan, plan.b());
        ok(plan.api()
                .patch(
                        plan.path() + "/tasks/" + plan.b(),
                        json("duration", "4d", "version", b.get("version").asInt())));

        Response refused = plan.api().post(plan.changes() + "/" + id + "/approve", json("note", "ok"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body().get("title").asString()).isEqualTo("Plan changed");
        JsonNode recomputed = refused.body().get("impact");
        assertThat(recomputed.get("finishBefore").asString()).isEqualTo("2026-03-10T17:00:00");
        assertThat(recomputed.get("finishAfter").asString()).isEqualTo("2026-03-17T17:00:00");
        assertThat(tasksByName(plan)).doesNotContainKey("Security review").hasSize(4);
        assertThat(task(plan, plan.b()).get("finish").asString()).isEqualTo("2026-03-10T17:00:00");
        assertThat(ok(plan.api().get(plan.changes() + "/" + id)).get("state").asString())
                .isEqualTo("SUBMITTED");
        assertThat(ok(plan.api().get(plan.path() + "/activity?kind=change%20request"))
                        .get("items"))
                .isEmpty();

        // Approving what was seen now, with the recomputed impact's plan version, applies it.
        JsonNode approved = ok(plan.api()
                .post(
                        plan.changes() + "/" + id + "/approve",
                        json("planVersion", refused.body().get("planVersion").asString())));
        assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
        assertThat(task(plan, plan.b()).get("finish").asString()).isEqualTo("2026-03-17T17:00:00");
    }

    @Test
    void rejectingAndDeferringRecordTheDecisionAndOnlyOwnersAndManagersDecide() {
        Plan plan = plan();
        TestUser member = newUser("change-member");
        addMember(plan.api(), plan.key(), member, "MEMBER");
        long first = draft(plan, "Gold plating", securityReview(plan)).get("id").asLong();
        long second = draft(plan, "Later maybe", json("type", "CHANGE_DURATION", "taskId", plan.c(), "duration", "6d"))
                .get("id")
                .asLong();
        Response notYet = plan.api().post(plan.changes() + "/" + first + "/reject", null);
        ok(member.api().post(plan.changes() + "/" + first + "/submit", null));
        ok(member.api().post(plan.changes() + "/" + second + "/submit", null));
        Response memberApproves = member.api().post(plan.changes() + "/" + first + "/approve", null);

        JsonNode rejected = ok(
                plan.api().post(plan.changes() + "/" + first + "/reject", json("note", "Out of scope", "version", 1)));
        JsonNode deferred = ok(plan.api().post(plan.changes() + "/" + second + "/defer", json("note", "Next quarter")));

        assertThat(notYet.status()).isEqualTo(409);
        assertThat(notYet.body().get("title").asString()).isEqualTo("Wrong state");
        assertThat(memberApproves.status()).isEqualTo(403);
        assertThat(rejected.get("state").asString()).isEqualTo("REJECTED");
        assertThat(rejected.get("decisionNote").asString()).isEqualTo("Out of scope");
        assertThat(rejected.get("decidedByName").asString()).isEqualTo("change-owner Tester");
        assertThat(deferred.get("state").asString()).isEqualTo("DEFERRED");
        assertThat(deferred.get("decisionNote").asString()).isEqualTo("Next quarter");
        assertThat(tasksByName(plan)).doesNotContainKey("Security review");
        assertThat(task(plan, plan.c()).get("finish").asString()).isEqualTo("2026-03-05T17:00:00");
        JsonNode decisions = ok(plan.api().get(plan.path() + "/activity?kind=change%20request"))
                .get("items");
        assertThat(decisions).hasSize(2);
        assertThat(decisions.toString()).contains("REJECTED", "Out of scope", "DEFERRED", "Next quarter");
        assertThat(ok(plan.api().get(plan.changes() + "?state=APPROVED"))).isEmpty();
        assertThat(ok(plan.api().get(plan.changes() + "?state=REJECTED"))
                        .get(0)
                        .get("id")
                        .asLong())
                .isEqualTo(first);
        // A deferred request can still be approved later.
        assertThat(ok(plan.api().post(plan.changes() + "/" + second + "/approve", null))
                        .get("state")
                        .asString())
                .isEqualTo("APPROVED");
        assertThat(task(plan, plan.c()).get("finish").asString()).isEqualTo("2026-03-09T17:00:00");
    }

    @Test
    void invalidEditsAreRefusedFieldByFieldAndWriteNothing() {
        Plan plan = plan();

        Response unknownTask = plan.api()
                .post(
                        plan.changes(),
                        json(
                                "title",
                                "x",
                                "edits",
                                List.of(json("type", "CHANGE_DURATION", "taskId", 999999999, "duration", "2d"))));
        Response cycle = plan.api()
                .post(
                        plan.changes(),
                        json(
                                "title",
                                "x",
                                "edits",
                                List.of(json(
                                        "type", "ADD_LINK", "predecessorId", plan.goLive(), "successorId", plan.a()))));
        Response negative = plan.api()
                .post(
                        plan.changes(),
                        json(
                                "title",
                                " ",
                                "edits",
                                List.of(
                                        json("type", "CHANGE_DURATION", "taskId", plan.c(), "duration", "-2d"),
                                        json("type", "RENAME"),
                                        json("type", "ADD_TASK", "duration", "3d"))));
        Response noSuchLink = plan.api()
                .post(
                        plan.changes(),
                        json(
                                "title",
                                "x",
                                "edits",
                                List.of(json(
                                        "type", "REMOVE_LINK", "predecessorId", plan.c(), "successorId", plan.b()))));

        assertThat(errorFields(unknownTask)).containsExactly("edits[0].taskId");
        assertThat(errorFields(cycle)).containsExactly("edits[0]");
        assertThat(cycle.body().get("errors").get(0).get("message").asString()).contains("cycle", "Go live", "A", "B");
        assertThat(errorFields(negative))
                .containsExactlyInAnyOrder("title", "edits[0].duration", "edits[1].type", "edits[2].name");
        assertThat(errorFields(noSuchLink)).containsExactly("edits[0].successorId");
        assertThat(ok(plan.api().get(plan.changes()))).isEmpty();
    }

    @Test
    void anEditThatNoLongerAppliesIsA400AtImpactAndSubmitTime() {
        Plan plan = plan();
        long id = draft(plan, "Stretch C", json("type", "CHANGE_DURATION", "taskId", plan.c(), "duration", "6d"))
                .get("id")
                .asLong();
        assertThat(plan.api().delete(plan.path() + "/tasks/" + plan.c()).status())
                .isEqualTo(204);

        Response impact = plan.api().get(plan.changes() + "/" + id + "/impact");
        Response submit = plan.api().post(plan.changes() + "/" + id + "/submit", null);

        assertThat(errorFields(impact)).containsExactly("edits[0].taskId");
        assertThat(errorFields(submit)).containsExactly("edits[0].taskId");
        assertThat(ok(plan.api().get(plan.changes() + "/" + id)).get("state").asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void aDraftIsEditedWithItsVersionAndAStaleOneIsRefused() {
        Plan plan = plan();
        long id = draft(plan, "Stretch C", json("type", "CHANGE_DURATION", "taskId", plan.c(), "duration", "6d"))
                .get("id")
                .asLong();

        JsonNode changed = ok(plan.api()
                .patch(
                        plan.changes() + "/" + id,
                        json(
                                "title",
                                "Stretch C more",
                                "edits",
                                List.of(json("type", "CHANGE_DURATION", "taskId", plan.c(), "duration", "8d")),
                                "version",
                                0)));
        Response stale = plan.api().patch(plan.changes() + "/" + id, json("title", "Other", "version", 0));
        Response noVersion = plan.api().patch(plan.changes() + "/" + id, json("title", "Other"));

        assertThat(changed.get("title").asString()).isEqualTo("Stretch C more");
        assertThat(changed.get("edits").get(0).get("durationMinutes").asLong()).isEqualTo(8 * 480);
        assertThat(changed.get("version").asInt()).isEqualTo(1);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("current").get("title").asString()).isEqualTo("Stretch C more");
        assertThat(errorFields(noVersion)).containsExactly("version");
        assertThat(plan.api().get(plan.changes() + "/999999999").status()).isEqualTo(404);
        assertThat(plan.api().get(plan.changes() + "?state=MAYBE").status()).isEqualTo(400);
    }
}
