package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Change requests that take a resource off a task, change an assignment's units or work, or change a task's
 * fixed cost, on a staffed plan worked out by hand. From Monday 2026-03-02, eight-hour days: A (3 days, fixed
 * duration, Lee at 100 % for 24 h) then B (fixed units, not effort driven: Pat at 100 % for 16 h and Lee at
 * 100 % for 24 h, so the slower Lee makes it 3 days, Thursday 5 to Monday 9 March; fixed cost 500) then the milestone Go live (Monday 9
 * March 17:00, the project finish); C (4 days, fixed units, Pat at 100 % for 32 h) alone. Pat costs 50 an hour,
 * Lee 40: A 960, B 800 + 960 + 500, C 1,600, in all 4,820 for 96 hours of work.
 */
class ChangeRequestStaffingApiIT extends ApiIntegrationTest {

    record Plan(TestUser owner, String key, long a, long b, long c, long goLive, long pat, long lee) {
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
        TestUser owner = newUser("staffing-owner");
        ApiClient api = owner.api();
        String key = newProjectStarting(api, "Staffing", LocalDate.of(2026, 3, 2));
        String path = "/api/v1/projects/" + key;
        long a = taskId(api, key, json("name", "A", "duration", "3d"));
        long b = taskId(api, key, json("name", "B", "duration", "2d"));
        long c = taskId(api, key, json("name", "C", "duration", "4d"));
        long goLive = taskId(api, key, json("name", "Go live", "milestone", true));
        link(api, key, a, b);
        link(api, key, b, goLive);
        long pat = created(api.post(path + "/resources", json("name", "Pat", "standardRate", 50)))
                .get("id")
                .asLong();
        long lee = created(api.post(path + "/resources", json("name", "Lee", "standardRate", 40)))
                .get("id")
                .asLong();
        taskType(api, path, a, "FIXED_DURATION");
        assign(api, path, a, lee, 100, 24);
        assign(api, path, b, pat, 100, 16);
        assign(api, path, b, lee, 100, 24);
        assign(api, path, c, pat, 100, 32);
        ok(api.patch(
                path + "/tasks/" + b,
                json("fixedCost", 500, "fixedCostAccrual", "END", "version", version(api, path, b))));
        Plan plan = new Plan(owner, key, a, b, c, goLive, pat, lee);
        assertThat(task(plan, b).get("finish").asString()).isEqualTo("2026-03-09T17:00:00");
        return plan;
    }

    private static void taskType(ApiClient api, String path, long task, String type) {
        ok(api.put(
                path + "/tasks/" + task + "/task-type", json("taskType", type, "version", version(api, path, task))));
    }

    private static void effortDriven(ApiClient api, String path, long task) {
        ok(api.put(
                path + "/tasks/" + task + "/task-type",
                json("effortDriven", true, "version", version(api, path, task))));
    }

    private static void assign(ApiClient api, String path, long task, long resource, int units, int hours) {
        created(api.post(
                path + "/tasks/" + task + "/assignments",
                json("resourceId", resource, "units", units, "workHours", hours)));
    }

    private static int version(ApiClient api, String path, long task) {
        return ok(api.get(path + "/tasks/" + task)).get("version").asInt();
    }

    private static JsonNode task(Plan plan, long id) {
        return ok(plan.api().get(plan.path() + "/tasks/" + id));
    }

    private static long draft(Plan plan, String title, Object... edits) {
        return created(plan.api().post(plan.changes(), json("title", title, "edits", List.of(edits))))
                .get("id")
                .asLong();
    }

    private static JsonNode impact(Plan plan, long id) {
        return ok(plan.api().get(plan.changes() + "/" + id + "/impact"));
    }

    private static List<Long> moved(JsonNode impact) {
        List<Long> ids = new ArrayList<>();
        impact.get("movedTasks").forEach(task -> ids.add(task.get("id").asLong()));
        return ids;
    }

    private static JsonNode assignmentOf(Plan plan, long task, long resource) {
        for (JsonNode assignment : ok(plan.api().get(plan.path() + "/tasks/" + task + "/assignments"))) {
            if (assignment.get("resourceId").asLong() == resource) {
                return assignment;
            }
        }
        return null;
    }

    @Test
    void takingTheSlowerFullTimeResourceOffAFixedWorkTaskShortensItAndTakesItsWorkAndCostAway() {
        Plan plan = plan();
        long id = draft(
                plan, "Lee leaves B", json("type", "REMOVE_ASSIGNMENT", "taskId", plan.b(), "resourceId", plan.lee()));

        JsonNode impact = impact(plan, id);

        // Pat's 16 h at 100 % alone: B takes 2 days, Thursday and Friday, and Go live is Friday 17:00.
        assertThat(impact.get("finishBefore").asString()).isEqualTo("2026-03-09T17:00:00");
        assertThat(impact.get("finishAfter").asString()).isEqualTo("2026-03-06T17:00:00");
        assertThat(impact.get("finishDeltaWorkingDays").asDouble()).isEqualTo(-1.0);
        assertThat(moved(impact)).containsExactlyInAnyOrder(plan.b(), plan.goLive());
        // Lee's 24 h at 40 an hour.
        assertThat(impact.get("costBefore").decimalValue()).isEqualByComparingTo("4820");
        assertThat(impact.get("costAfter").decimalValue()).isEqualByComparingTo("3860");
        assertThat(impact.get("costDelta").decimalValue()).isEqualByComparingTo("-960");
        assertThat(impact.get("workHoursBefore").asDouble()).isEqualTo(96.0);
        assertThat(impact.get("workHoursAfter").asDouble()).isEqualTo(72.0);
        assertThat(impact.get("workHoursDelta").asDouble()).isEqualTo(-24.0);
        assertThat(impact.get("taskDaysDelta").asDouble()).isEqualTo(-1.0);
        // Nothing written.
        assertThat(assignmentOf(plan, plan.b(), plan.lee())).isNotNull();
    }

    /**
     * B effort driven: its 40 hours stay when Lee leaves, so Pat at 100 % does all of them, 5 days from Thursday 5
     * to Wednesday 11 March, and Go live follows; Lee's 24 h at 40 become Pat's at 50: 240 more. Approving does
     * what the impact said.
     */
    @Test
    void takingSomeoneOffAnEffortDrivenTaskHandsTheirWorkToTheOthers() {
        Plan plan = plan();
        effortDriven(plan.api(), plan.path(), plan.b());
        long id = draft(
                plan, "Lee leaves B", json("type", "REMOVE_ASSIGNMENT", "taskId", plan.b(), "resourceId", plan.lee()));

        JsonNode impact = impact(plan, id);

        assertThat(impact.get("finishAfter").asString()).isEqualTo("2026-03-11T17:00:00");
        assertThat(impact.get("finishDeltaWorkingDays").asDouble()).isEqualTo(2.0);
        assertThat(moved(impact)).containsExactlyInAnyOrder(plan.b(), plan.goLive());
        assertThat(impact.get("workHoursDelta").asDouble()).isZero();
        assertThat(impact.get("costDelta").decimalValue()).isEqualByComparingTo("240");
        assertThat(impact.get("taskDaysDelta").asDouble()).isEqualTo(2.0);

        ok(plan.api().post(plan.changes() + "/" + id + "/submit", null));
        JsonNode approved = ok(plan.api().post(plan.changes() + "/" + id + "/approve", json("note", "Board")));
        assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
        assertThat(assignmentOf(plan, plan.b(), plan.lee())).isNull();
        assertThat(assignmentOf(plan, plan.b(), plan.pat()).get("workMinutes").asLong())
                .isEqualTo(40 * 60);
        assertThat(task(plan, plan.b()).get("finish").asString()).isEqualTo("2026-03-11T17:00:00");
    }

    @Test
    void newUnitsFollowTheTaskType() {
        Plan plan = plan();
        long fixedUnits = draft(
                plan,
                "Pat half time on C",
                json("type", "CHANGE_ASSIGNMENT", "taskId", plan.c(), "resourceId", plan.pat(), "units", 50));
        long fixedDuration = draft(
                plan,
                "Lee half time on A",
                json("type", "CHANGE_ASSIGNMENT", "taskId", plan.a(), "resourceId", plan.lee(), "units", 50));
        long newWork = draft(
                plan,
                "Lee 12 h on A",
                json("type", "CHANGE_ASSIGNMENT", "taskId", plan.a(), "resourceId", plan.lee(), "workHours", 12));

        // Fixed units: the same 32 h at 50 % take 8 days, Monday 2 to Wednesday 11 March; same work, same cost.
        JsonNode c = impact(plan, fixedUnits);
        assertThat(c.get("finishAfter").asString()).isEqualTo("2026-03-11T17:00:00");
        assertThat(c.get("finishDeltaWorkingDays").asDouble()).isEqualTo(2.0);
        assertThat(moved(c)).containsExactly(plan.c());
        JsonNode movedC = c.get("movedTasks").get(0);
        assertThat(movedC.get("oldFinish").asString()).isEqualTo("2026-03-05T17:00:00");
        assertThat(movedC.get("newFinish").asString()).isEqualTo("2026-03-11T17:00:00");
        assertThat(c.get("criticalPathAfter").get(0).get("name").asString()).isEqualTo("C");
        assertThat(c.get("costDelta").decimalValue()).isEqualByComparingTo("0");
        assertThat(c.get("workHoursDelta").asDouble()).isZero();
        assertThat(c.get("taskDaysDelta").asDouble()).isEqualTo(4.0);

        // Fixed duration: A keeps its 3 days, so half the units is half the work: 12 h less at 40.
        for (long id : List.of(fixedDuration, newWork)) {
            JsonNode a = impact(plan, id);
            assertThat(a.get("movedTasks")).isEmpty();
            assertThat(a.get("finishDeltaWorkingDays").asDouble()).isZero();
            assertThat(a.get("costDelta").decimalValue()).isEqualByComparingTo("-480");
            assertThat(a.get("workHoursDelta").asDouble()).isEqualTo(-12.0);
        }
    }

    @Test
    void aNewFixedCostCountsItsDifferenceAndIsMoneyOnlyOwnersAndManagersSeeAndPropose() {
        Plan plan = plan();
        TestUser member = newUser("staffing-member");
        addMember(plan.api(), plan.key(), member, "MEMBER");
        long id = draft(
                plan,
                "Licence costs more",
                json("type", "CHANGE_FIXED_COST", "taskId", plan.b(), "fixedCost", 800, "fixedCostAccrual", "start"));

        JsonNode owners = impact(plan, id);
        JsonNode members = ok(member.api().get(plan.changes() + "/" + id + "/impact"));
        JsonNode asMember = ok(member.api().get(plan.changes() + "/" + id));
        Response proposed = member.api()
                .post(
                        plan.changes(),
                        json(
                                "title",
                                "Cheaper",
                                "edits",
                                List.of(json("type", "CHANGE_FIXED_COST", "taskId", plan.b(), "fixedCost", 1))));

        // From 500 to 800: 300 more, nothing else changes.
        assertThat(owners.get("costDelta").decimalValue()).isEqualByComparingTo("300");
        assertThat(owners.get("costAfter").decimalValue()).isEqualByComparingTo("5120");
        assertThat(owners.get("movedTasks")).isEmpty();
        assertThat(owners.get("workHoursDelta").asDouble()).isZero();
        assertThat(members.get("costDelta").isNull()).isTrue();
        assertThat(asMember.get("edits").get(0).get("fixedCost").isNull())
                .as("the amount is money")
                .isTrue();
        assertThat(ok(plan.api().get(plan.changes() + "/" + id))
                        .get("edits")
                        .get(0)
                        .get("fixedCostAccrual")
                        .asString())
                .isEqualTo("START");
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(403);
        assertThat(proposed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(ok(plan.api().get(plan.changes()))).hasSize(1);
    }

    /**
     * All together: Lee off B (B back to 2 days), Pat half time on C (8 days, now the finish: Wednesday 11
     * March, two working days after Monday 9), Lee half time on A (12 h less) and B's fixed cost 800: cost
     * -960 - 480 + 300 = -1,140, work -24 - 12 = -36 h.
     */
    @Test
    void approvingAppliesEveryStaffingAndCostEditInOneGoAndAConflictingEditIsRefusedFirst() {
        Plan plan = plan();
        long id = draft(
                plan,
                "Restaff",
                json("type", "REMOVE_ASSIGNMENT", "taskId", plan.b(), "resourceId", plan.lee()),
                json("type", "CHANGE_ASSIGNMENT", "taskId", plan.c(), "resourceId", plan.pat(), "units", 50),
                json("type", "CHANGE_ASSIGNMENT", "taskId", plan.a(), "resourceId", plan.lee(), "units", 50),
                json("type", "CHANGE_FIXED_COST", "taskId", plan.b(), "fixedCost", 800));
        JsonNode impact = impact(plan, id);
        assertThat(impact.get("finishAfter").asString()).isEqualTo("2026-03-11T17:00:00");
        assertThat(impact.get("finishDeltaWorkingDays").asDouble()).isEqualTo(2.0);
        assertThat(moved(impact)).containsExactlyInAnyOrder(plan.b(), plan.goLive(), plan.c());
        assertThat(impact.get("costDelta").decimalValue()).isEqualByComparingTo("-1140");
        assertThat(impact.get("workHoursDelta").asDouble()).isEqualTo(-36.0);
        ok(plan.api().post(plan.changes() + "/" + id + "/submit", null));

        // Someone changes Pat's work on C after the board saw the impact: refused, nothing applied.
        JsonNode patOnC = assignmentOf(plan, plan.c(), plan.pat());
        ok(plan.api()
                .patch(
                        plan.path() + "/tasks/" + plan.c() + "/assignments/"
                                + patOnC.get("id").asLong(),
                        json("workHours", 40, "version", patOnC.get("version").asInt())));
        Response refused = plan.api().post(plan.changes() + "/" + id + "/approve", json("note", "Board"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body().get("title").asString()).isEqualTo("Plan changed");
        // Recomputed: Pat's 40 h at 50 % take 10 days, to Friday 13 March.
        assertThat(refused.body().get("impact").get("finishAfter").asString()).isEqualTo("2026-03-13T17:00:00");
        assertThat(assignmentOf(plan, plan.b(), plan.lee())).isNotNull();
        assertThat(task(plan, plan.b()).get("fixedCost").decimalValue()).isEqualByComparingTo("500");
        assertThat(assignmentOf(plan, plan.a(), plan.lee()).get("units").decimalValue())
                .isEqualByComparingTo("100");

        JsonNode approved = ok(plan.api()
                .post(
                        plan.changes() + "/" + id + "/approve",
                        json("planVersion", refused.body().get("planVersion").asString())));

        assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("impact").get("finishAfter").asString()).isEqualTo("2026-03-13T17:00:00");
        assertThat(assignmentOf(plan, plan.b(), plan.lee())).isNull();
        JsonNode b = task(plan, plan.b());
        assertThat(b.get("finish").asString()).isEqualTo("2026-03-06T17:00:00");
        assertThat(b.get("fixedCost").decimalValue()).isEqualByComparingTo("800");
        assertThat(b.get("fixedCostAccrual").asString()).isEqualTo("END");
        JsonNode pat = assignmentOf(plan, plan.c(), plan.pat());
        assertThat(pat.get("units").decimalValue()).isEqualByComparingTo("50");
        assertThat(pat.get("workMinutes").asLong()).isEqualTo(40 * 60);
        assertThat(task(plan, plan.c()).get("finish").asString()).isEqualTo("2026-03-13T17:00:00");
        JsonNode lee = assignmentOf(plan, plan.a(), plan.lee());
        assertThat(lee.get("units").decimalValue()).isEqualByComparingTo("50");
        assertThat(lee.get("workMinutes").asLong()).isEqualTo(12 * 60);
        assertThat(task(plan, plan.a()).get("finish").asString()).isEqualTo("2026-03-04T17:00:00");
    }

    @Test
    void staffingEditsThatCannotApplyAreRefusedFieldByField() {
        Plan plan = plan();
        Response refused = plan.api()
                .post(
                        plan.changes(),
                        json(
                                "title",
                                "Wrong",
                                "edits",
                                List.of(
                                        json("type", "REMOVE_ASSIGNMENT", "taskId", plan.b(), "resourceId", plan.lee()),
                                        json("type", "REMOVE_ASSIGNMENT", "taskId", plan.b(), "resourceId", plan.lee()),
                                        json("type", "REMOVE_ASSIGNMENT", "taskId", plan.c(), "resourceId", plan.lee()),
                                        json("type", "CHANGE_ASSIGNMENT", "taskId", plan.c(), "resourceId", plan.pat()),
                                        json("type", "CHANGE_FIXED_COST", "taskId", plan.b(), "fixedCost", -5),
                                        json(
                                                "type",
                                                "CHANGE_FIXED_COST",
                                                "taskId",
                                                plan.b(),
                                                "fixedCost",
                                                5,
                                                "fixedCostAccrual",
                                                "SOMETIME"))));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(errorFields(refused))
                .containsExactlyInAnyOrder("edits[3].units", "edits[4].fixedCost", "edits[5].fixedCostAccrual");

        // The field checks pass; the plan says Lee is off B after the first edit and never was on C.
        Response unfit = plan.api()
                .post(
                        plan.changes(),
                        json(
                                "title",
                                "Wrong",
                                "edits",
                                List.of(
                                        json("type", "REMOVE_ASSIGNMENT", "taskId", plan.b(), "resourceId", plan.lee()),
                                        json("type", "REMOVE_ASSIGNMENT", "taskId", plan.b(), "resourceId", plan.lee()),
                                        json(
                                                "type",
                                                "CHANGE_ASSIGNMENT",
                                                "taskId",
                                                plan.c(),
                                                "resourceId",
                                                plan.lee(),
                                                "units",
                                                50))));
        assertThat(unfit.status()).as(unfit.toString()).isEqualTo(400);
        assertThat(errorFields(unfit)).containsExactlyInAnyOrder("edits[1].resourceId", "edits[2].resourceId");
        assertThat(ok(plan.api().get(plan.changes()))).isEmpty();
        assertThat(Map.of("lee on B", assignmentOf(plan, plan.b(), plan.lee()))).doesNotContainValue(null);
    }
}
