package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gantry.interchange.PlanCalendar;
import org.gantry.interchange.PlanCalendarException;
import org.gantry.interchange.PlanDay;
import org.gantry.interchange.PlanPeriod;
import org.gantry.server.api.ApiClient.Response;
import org.gantry.server.interchange.PlanImported;
import org.gantry.server.shared.StoredCalendars;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Automatic scheduling through the API: every kind of date-affecting edit reschedules the project in
 * the same request and answers with the tasks that moved; cycles are refused naming the tasks; a
 * client holding a version from before a move gets 409; baselines show variance after a move.
 */
class ScheduleApiIT extends ApiIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    /** A project starting Monday 2 March 2026 on the standard calendar. */
    private Plan plan() {
        TestUser owner = newUser("planner");
        String key = newKey();
        Response created = owner.api()
                .post("/api/v1/projects", json("key", key, "name", "Plan " + key, "startDate", "2026-03-02"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Plan(owner.api(), key);
    }

    record Plan(ApiClient api, String key) {
        String tasks() {
            return "/api/v1/projects/" + key + "/tasks";
        }

        String links() {
            return "/api/v1/projects/" + key + "/links";
        }

        JsonNode task(String name, String duration) {
            Response created = api.post(tasks(), json("name", name, "duration", duration));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            return created.body();
        }

        JsonNode get(JsonNode task) {
            return api.get(tasks() + "/" + task.get("id").asLong()).body();
        }

        Response link(JsonNode predecessor, JsonNode successor) {
            return api.post(
                    links(),
                    json(
                            "predecessorId",
                            predecessor.get("id").asLong(),
                            "successorId",
                            successor.get("id").asLong()));
        }
    }

    private static List<Long> ids(JsonNode moved) {
        List<Long> ids = new ArrayList<>();
        moved.forEach(task -> ids.add(task.get("id").asLong()));
        return ids;
    }

    private static JsonNode entry(JsonNode moved, JsonNode task) {
        for (JsonNode entry : moved) {
            if (entry.get("id").asLong() == task.get("id").asLong()) {
                return entry;
            }
        }
        throw new AssertionError("task " + task.get("id") + " is not in " + moved);
    }

    @Test
    void aNewTaskIsScheduledAtTheProjectStart() {
        Plan plan = plan();
        JsonNode design = plan.task("Design", "2d");
        assertThat(design.get("start").asString()).isEqualTo("2026-03-02T08:00:00");
        assertThat(design.get("finish").asString()).isEqualTo("2026-03-03T17:00:00");
        assertThat(design.get("version").asInt()).isZero();
        assertThat(ids(design.get("moved"))).containsExactly(design.get("id").asLong());
    }

    @Test
    void linkingMovesTheSuccessorAndSaysSo() {
        Plan plan = plan();
        JsonNode design = plan.task("Design", "2d");
        JsonNode build = plan.task("Build", "3d");
        Response linked = plan.link(design, build);
        assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
        assertThat(ids(linked.body().get("moved")))
                .containsExactly(build.get("id").asLong());
        JsonNode moved = entry(linked.body().get("moved"), build);
        assertThat(moved.get("start").asString()).isEqualTo("2026-03-04T08:00:00");
        assertThat(moved.get("previousStart").asString()).isEqualTo("2026-03-02T08:00:00");
        assertThat(moved.get("finish").asString()).isEqualTo("2026-03-06T17:00:00");
        assertThat(linked.header("Server-Timing")).startsWith("reschedule;dur=");
        assertThat(linked.body().get("rescheduleMillis").asDouble()).isPositive();
        // Both tasks are now on the critical path.
        assertThat(entry(linked.body().get("rescheduled"), design)
                        .get("critical")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void changingADurationMovesTheSuccessors() {
        Plan plan = plan();
        JsonNode design = plan.task("Design", "2d");
        JsonNode build = plan.task("Build", "3d");
        JsonNode test = plan.task("Test", "1d");
        plan.link(design, build);
        plan.link(build, test);
        JsonNode current = plan.get(design);
        Response longer = plan.api()
                .patch(
                        plan.tasks() + "/" + design.get("id").asLong(),
                        json("duration", "4d", "version", current.get("version").asInt()));
        assertThat(longer.status()).as(longer.toString()).isEqualTo(200);
        assertThat(longer.body().get("finish").asString()).isEqualTo("2026-03-05T17:00:00");
        assertThat(longer.body().get("version").asInt())
                .isEqualTo(current.get("version").asInt() + 1);
        assertThat(ids(longer.body().get("moved")))
                .containsExactlyInAnyOrder(
                        design.get("id").asLong(),
                        build.get("id").asLong(),
                        test.get("id").asLong());
        assertThat(entry(longer.body().get("moved"), test).get("start").asString())
                .isEqualTo("2026-03-11T08:00:00");
        assertThat(plan.get(test).get("start").asString()).isEqualTo("2026-03-11T08:00:00");
    }

    @Test
    void aTypedStartBecomesAStartNoEarlierThanConstraint() {
        Plan plan = plan();
        JsonNode design = plan.task("Design", "2d");
        JsonNode build = plan.task("Build", "3d");
        plan.link(design, build);
        JsonNode current = plan.get(design);
        String path = plan.tasks() + "/" + design.get("id").asLong();
        Response moved = plan.api()
                .patch(
                        path,
                        json(
                                "start",
                                "2026-03-09T08:00",
                                "version",
                                current.get("version").asInt()));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.body().get("start").asString()).isEqualTo("2026-03-09T08:00:00");
        assertThat(entry(moved.body().get("moved"), build).get("start").asString())
                .isEqualTo("2026-03-11T08:00:00");
        JsonNode schedule = plan.api().get(path + "/schedule").body();
        assertThat(schedule.get("constraintType").asString()).isEqualTo("START_NO_EARLIER_THAN");
        assertThat(schedule.get("constraintDate").asString()).isEqualTo("2026-03-09T08:00:00");
    }

    @Test
    void aTypedFinishChangesTheDuration() {
        Plan plan = plan();
        JsonNode design = plan.task("Design", "2d");
        Response changed = plan.api()
                .patch(
                        plan.tasks() + "/" + design.get("id").asLong(),
                        json("finish", "2026-03-06T17:00", "version", 0));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.body().get("durationMinutes").asLong()).isEqualTo(5 * 480);
        assertThat(changed.body().get("finish").asString()).isEqualTo("2026-03-06T17:00:00");
    }

    @Test
    void constraintsDeadlinesProgressAndTheStatusDateReschedule() {
        Plan plan = plan();
        JsonNode design = plan.task("Design", "2d");
        JsonNode build = plan.task("Build", "3d");
        plan.link(design, build);
        String schedulePath = plan.tasks() + "/" + build.get("id").asLong() + "/schedule";
        int version = plan.api().get(schedulePath).body().get("version").asInt();
        Response constrained = plan.api()
                .patch(
                        schedulePath,
                        json(
                                "constraintType", "MUST_START_ON",
                                "constraintDate", "2026-03-16T08:00",
                                "deadline", "2026-03-17T17:00",
                                "version", version));
        assertThat(constrained.status()).as(constrained.toString()).isEqualTo(200);
        assertThat(constrained.body().get("start").asString()).isEqualTo("2026-03-16T08:00:00");
        assertThat(constrained.body().get("deadline").asString()).isEqualTo("2026-03-17T17:00:00");
        assertThat(ids(constrained.body().get("moved")))
                .contains(build.get("id").asLong());
        // The deadline is missed by two days: the task has negative slack and is critical.
        assertThat(constrained.body().get("totalSlackMinutes").asLong()).isNegative();
        assertThat(constrained.body().get("critical").asBoolean()).isTrue();

        Response missingDate = plan.api()
                .patch(
                        schedulePath,
                        json("constraintType", "FINISH_NO_LATER_THAN", "clear", List.of("constraint"), "version", 0));
        assertThat(missingDate.status()).isIn(400, 409);

        JsonNode current = plan.get(design);
        Response progress = plan.api()
                .patch(
                        plan.tasks() + "/" + design.get("id").asLong(),
                        json(
                                "percentComplete",
                                50,
                                "version",
                                current.get("version").asInt()));
        assertThat(progress.status()).as(progress.toString()).isEqualTo(200);
        assertThat(progress.body().has("rescheduled")).isTrue();

        int projectVersion = plan.api()
                .get("/api/v1/projects/" + plan.key())
                .body()
                .get("version")
                .asInt();
        Response status = plan.api()
                .send(
                        "PUT",
                        "/api/v1/projects/" + plan.key() + "/status-date",
                        json("statusDate", "2026-03-03T17:00", "version", projectVersion));
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        JsonNode gantt =
                plan.api().get("/api/v1/projects/" + plan.key() + "/gantt").body();
        assertThat(gantt.get("project").get("statusDate").asString()).isEqualTo("2026-03-03T17:00:00");
    }

    @Test
    void changesToTheOutlineReschedule() {
        Plan plan = plan();
        JsonNode phase = plan.task("Phase", "1d");
        JsonNode design = plan.task("Design", "2d");
        JsonNode build = plan.task("Build", "3d");
        plan.link(design, build);
        Response indented = plan.api()
                .post(
                        plan.tasks() + "/" + design.get("id").asLong() + "/indent",
                        json("version", plan.get(design).get("version").asInt()));
        assertThat(indented.status()).as(indented.toString()).isEqualTo(200);
        // The phase became a summary spanning its subtask.
        JsonNode summary = entry(indented.body().get("rescheduled"), phase);
        assertThat(summary.get("finish").asString()).isEqualTo("2026-03-03T17:00:00");

        Response deleted = plan.api()
                .delete(plan.links() + "/"
                        + plan.api()
                                .get(plan.links())
                                .body()
                                .get("items")
                                .get(0)
                                .get("id")
                                .asLong());
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(deleted.header("Server-Timing")).startsWith("reschedule;dur=");
        assertThat(deleted.header("Gantry-Moved")).isEqualTo(build.get("id").asString());
        assertThat(plan.get(build).get("start").asString()).isEqualTo("2026-03-02T08:00:00");
    }

    @Test
    void changingTheProjectStartOrCalendarReschedules() {
        Plan plan = plan();
        JsonNode design = plan.task("Design", "2d");
        String project = "/api/v1/projects/" + plan.key();
        int version = plan.api().get(project).body().get("version").asInt();
        Response later = plan.api().patch(project, json("startDate", "2026-03-09", "version", version));
        assertThat(later.status()).as(later.toString()).isEqualTo(200);
        assertThat(later.header("Server-Timing")).startsWith("reschedule;dur=");
        assertThat(plan.get(design).get("start").asString()).isEqualTo("2026-03-09T08:00:00");
        Response holiday = plan.api()
                .patch(
                        project,
                        json(
                                "calendar",
                                Map.of(
                                        "workingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                                        "workingHours",
                                                List.of(
                                                        Map.of("from", "08:00", "to", "12:00"),
                                                        Map.of("from", "13:00", "to", "17:00")),
                                        "holidays", List.of(Map.of("date", "2026-03-09", "name", "Closed"))),
                                "version",
                                later.body().get("version").asInt()));
        assertThat(holiday.status()).as(holiday.toString()).isEqualTo(200);
        assertThat(plan.get(design).get("start").asString()).isEqualTo("2026-03-10T08:00:00");
    }

    @Test
    void aDirectCycleIsRefusedNamingTheTasks() {
        Plan plan = plan();
        JsonNode design = plan.task("Design", "2d");
        JsonNode build = plan.task("Build", "3d");
        plan.link(design, build);
        Response cycle = plan.link(build, design);
        assertThat(cycle.status()).as(cycle.toString()).isEqualTo(409);
        assertThat(cycle.body().get("detail").asString()).contains("Design").contains("Build");
        assertThat(cycle.body().get("cycle").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aCycleThroughASummaryIsRefusedNamingTheTasksAndNothingIsStored() {
        Plan plan = plan();
        JsonNode phase = plan.task("Phase", "1d");
        JsonNode child = plan.task("Child", "2d");
        JsonNode outside = plan.task("Outside", "1d");
        assertThat(plan.api()
                        .post(plan.tasks() + "/" + child.get("id").asLong() + "/indent", json("version", 0))
                        .status())
                .isEqualTo(200);
        assertThat(plan.link(outside, phase).status()).isEqualTo(201);
        // The child waits for Outside (through its summary), and Outside would wait for the child.
        Response cycle = plan.link(child, outside);
        assertThat(cycle.status()).as(cycle.toString()).isEqualTo(409);
        assertThat(cycle.body().get("title").asString()).isEqualTo("Dependency cycle");
        assertThat(cycle.body().get("detail").asString()).contains("Outside").contains("Child");
        assertThat(cycle.body().get("cycle").size()).isGreaterThanOrEqualTo(2);
        assertThat(plan.api().get(plan.links()).body().get("total").asLong())
                .as("the refused link was rolled back")
                .isEqualTo(1);
    }

    @Test
    void aTaskMovedByTheSchedulerHasANewVersionSoAnOldEditIsRefused() {
        Plan plan = plan();
        JsonNode design = plan.task("Design", "2d");
        JsonNode build = plan.task("Build", "3d");
        plan.link(design, build);
        JsonNode seen = plan.get(build);
        Response longer = plan.api()
                .patch(
                        plan.tasks() + "/" + design.get("id").asLong(),
                        json(
                                "duration",
                                "5d",
                                "version",
                                plan.get(design).get("version").asInt()));
        assertThat(longer.status()).isEqualTo(200);
        assertThat(entry(longer.body().get("moved"), build).get("version").asInt())
                .isEqualTo(seen.get("version").asInt() + 1);
        Response stale = plan.api()
                .patch(
                        plan.tasks() + "/" + build.get("id").asLong(),
                        json("duration", "1d", "version", seen.get("version").asInt()));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.body().get("current").get("start").asString()).isEqualTo("2026-03-09T08:00:00");
        Response staleConstraint = plan.api()
                .patch(
                        plan.tasks() + "/" + build.get("id").asLong() + "/schedule",
                        json(
                                "deadline",
                                "2026-03-20T17:00",
                                "version",
                                seen.get("version").asInt()));
        assertThat(staleConstraint.status()).isEqualTo(409);
    }

    @Test
    void aBaselineShowsVarianceAfterAMove() {
        Plan plan = plan();
        JsonNode design = plan.task("Design", "2d");
        JsonNode build = plan.task("Build", "3d");
        plan.link(design, build);
        String baselines = "/api/v1/projects/" + plan.key() + "/baselines";
        Response set = plan.api().post(baselines + "/0", Map.of());
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.body().get("tasks").asInt()).isEqualTo(2);
        plan.api()
                .patch(
                        plan.tasks() + "/" + design.get("id").asLong(),
                        json(
                                "duration",
                                "4d",
                                "version",
                                plan.get(design).get("version").asInt()));
        JsonNode variance = plan.api().get(baselines + "/0/variance").body();
        JsonNode buildVariance = entry(variance, build);
        assertThat(buildVariance.get("baselineStart").asString()).isEqualTo("2026-03-04T08:00:00");
        assertThat(buildVariance.get("startVarianceMinutes").asLong()).isEqualTo(2 * 480);
        assertThat(buildVariance.get("finishVarianceMinutes").asLong()).isEqualTo(2 * 480);
        assertThat(entry(variance, design).get("durationVarianceMinutes").asLong())
                .isEqualTo(2 * 480);
        JsonNode gantt = plan.api()
                .get("/api/v1/projects/" + plan.key() + "/gantt?baseline=0")
                .body();
        assertThat(entry(gantt.get("tasks"), build).get("baselineFinish").asString())
                .isEqualTo("2026-03-06T17:00:00");
        // Selected tasks only, into another slot; then cleared.
        Response some = plan.api()
                .post(baselines + "/3", json("taskIds", List.of(build.get("id").asLong())));
        assertThat(some.body().get("tasks").asInt()).isEqualTo(1);
        assertThat(plan.api().get(baselines).body().get(3).get("tasks").asInt()).isEqualTo(1);
        assertThat(plan.api().delete(baselines + "/3").status()).isEqualTo(204);
        assertThat(plan.api().get(baselines).body().get(3).get("tasks").asInt()).isZero();
        assertThat(plan.api().post(baselines + "/11", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void theGanttDataFollowsTheChartsContract() {
        Plan plan = plan();
        JsonNode design = plan.task("Design", "2d");
        JsonNode release = plan.api()
                .post(plan.tasks(), json("name", "Release", "milestone", true))
                .body();
        plan.link(design, release);
        JsonNode gantt =
                plan.api().get("/api/v1/projects/" + plan.key() + "/gantt").body();
        JsonNode project = gantt.get("project");
        assertThat(project.get("minutesPerDay").asInt()).isEqualTo(480);
        assertThat(project.get("calendar").get("workingDays").size()).isEqualTo(5);
        assertThat(project.get("calendar").get("workdayStart").asString()).isEqualTo("08:00");
        assertThat(project.get("finish").asString()).isEqualTo("2026-03-03T17:00:00");
        JsonNode milestone = entry(gantt.get("tasks"), release);
        assertThat(milestone.get("milestone").asBoolean()).isTrue();
        assertThat(milestone.get("critical").asBoolean()).isTrue();
        assertThat(milestone.get("wbs").asString()).isEqualTo("2");
        assertThat(gantt.get("links").get(0).get("type").asString()).isEqualTo("FINISH_START");
    }

    private long projectId(Plan plan) {
        return plan.api().get("/api/v1/projects/" + plan.key()).body().get("id").asLong();
    }

    private static Map<DayOfWeek, PlanDay> week(PlanDay monToThu, PlanDay otherDays) {
        Map<DayOfWeek, PlanDay> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, day.getValue() <= 4 ? monToThu : otherDays);
        }
        return week;
    }

    private void storeCalendar(long projectId, PlanCalendar calendar) {
        jdbc.sql("insert into project_calendar (project_id, calendar_key, name, base_key, definition)"
                        + " values (?, ?, ?, ?, ?::jsonb)")
                .params(projectId, calendar.key(), calendar.name(), calendar.baseKey(), StoredCalendars.write(calendar))
                .update();
    }

    private void setTask(JsonNode task, String assignments, Object... values) {
        jdbc.sql("update task set " + assignments + " where id = ?")
                .params(concat(values, task.get("id").asLong()))
                .update();
    }

    private static Object[] concat(Object[] values, Object last) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
    }

    /**
     * What an import stores beyond the outline: a four-day project calendar with a holiday, a mornings-only
     * calendar derived from it for one task and for a resource, an assignment, a manual task, an inactive
     * task and recorded progress. Rescheduling uses all of it.
     */
    @Test
    void anImportedPlanIsScheduledOnItsCalendarsAssignmentsManualDatesAndProgress() {
        Plan plan = plan();
        long projectId = projectId(plan);
        PlanDay office = PlanDay.STANDARD;
        PlanDay mornings =
                new PlanDay(PlanDay.Kind.WORKING, List.of(new PlanPeriod(LocalTime.of(8, 0), LocalTime.of(12, 0))));
        LocalDate wednesday = LocalDate.of(2026, 3, 4);
        storeCalendar(
                projectId,
                new PlanCalendar(
                        "10",
                        "Four days",
                        null,
                        week(office, PlanDay.NON_WORKING),
                        List.of(),
                        List.of(new PlanCalendarException("Closed", wednesday, wednesday, List.of(), null))));
        storeCalendar(
                projectId,
                new PlanCalendar("20", "Mornings", "10", week(mornings, PlanDay.INHERITED), List.of(), List.of()));
        jdbc.sql("update project set calendar_key = '10' where id = ?")
                .param(projectId)
                .update();
        JsonNode design = plan.task("Design", "3d");
        JsonNode review = plan.task("Review", "1d");
        setTask(review, "calendar_key = '20'");
        JsonNode pairing = plan.task("Pairing", "1d");
        long resource = jdbc.sql("insert into resource (project_id, name, calendar_key) values (?, 'Dana', '20')"
                        + " returning id")
                .param(projectId)
                .query(Long.class)
                .single();
        jdbc.sql("insert into assignment (project_id, task_id, resource_id, units, work_minutes)"
                        + " values (?, ?, ?, 100, 960)")
                .params(projectId, pairing.get("id").asLong(), resource)
                .update();
        JsonNode signOff = plan.task("Sign-off", "1d");
        setTask(
                signOff,
                "manually_scheduled = true, start_at = ?, finish_at = ?",
                LocalDateTime.of(2026, 4, 1, 8, 0),
                LocalDateTime.of(2026, 4, 1, 17, 0));
        JsonNode dropped = plan.task("Dropped", "2d");
        setTask(dropped, "active = false, start_at = ?", LocalDateTime.of(2026, 5, 4, 8, 0));
        JsonNode started = plan.task("Started", "2d");
        setTask(started, "actual_start = ?, percent_complete = 50", LocalDateTime.of(2026, 2, 23, 8, 0));

        Response rescheduled = plan.api().post("/api/v1/projects/" + plan.key() + "/reschedule", Map.of());

        assertThat(rescheduled.status()).as(rescheduled.toString()).isEqualTo(200);
        // Monday, Tuesday, then Thursday: Wednesday is the calendar's holiday.
        assertThat(plan.get(design).get("finish").asString()).isEqualTo("2026-03-05T17:00:00");
        // The task's own calendar: two mornings.
        assertThat(plan.get(review).get("finish").asString()).isEqualTo("2026-03-03T12:00:00");
        // Sixteen hours of Dana's mornings: Monday, Tuesday, Thursday and the next Monday.
        assertThat(plan.get(pairing).get("finish").asString()).isEqualTo("2026-03-09T12:00:00");
        assertThat(plan.get(signOff).get("start").asString()).isEqualTo("2026-04-01T08:00:00");
        assertThat(plan.get(signOff).get("finish").asString()).isEqualTo("2026-04-01T17:00:00");
        assertThat(plan.get(dropped).get("start").asString()).isEqualTo("2026-05-04T08:00:00");
        assertThat(plan.get(started).get("start").asString()).isEqualTo("2026-02-23T08:00:00");
        assertThat(plan.get(started).get("finish").asString()).isEqualTo("2026-02-24T17:00:00");
        // The Gantt chart shades the imported calendar's week and holiday.
        JsonNode calendar = plan.api()
                .get("/api/v1/projects/" + plan.key() + "/gantt")
                .body()
                .get("project")
                .get("calendar");
        assertThat(calendar.get("workingDays")
                        .valueStream()
                        .map(JsonNode::asInt)
                        .toList())
                .containsExactly(1, 2, 3, 4);
        assertThat(calendar.get("holidays")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList())
                .containsExactly("2026-03-04");
    }

    @Test
    void anImportKeepingTheFilesDatesGetsSlackAndTheCriticalPathButKeepsItsDates() {
        Plan plan = plan();
        long projectId = projectId(plan);
        JsonNode design = plan.task("Design", "2d");
        JsonNode build = plan.task("Build", "3d");
        plan.link(design, build);
        LocalDateTime fileStart = LocalDateTime.of(2026, 3, 9, 8, 0);
        setTask(
                build,
                "start_at = ?, finish_at = ?, early_start = null, critical = false",
                fileStart,
                LocalDateTime.of(2026, 3, 11, 17, 0));
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);

        inTransaction.executeWithoutResult(status -> events.publishEvent(new PlanImported(projectId, true)));

        JsonNode kept = plan.get(build);
        assertThat(kept.get("start").asString()).isEqualTo("2026-03-09T08:00:00");
        JsonNode schedule = plan.api()
                .get(plan.tasks() + "/" + build.get("id").asLong() + "/schedule")
                .body();
        assertThat(schedule.get("earlyStart").asString()).isEqualTo("2026-03-04T08:00:00");
        assertThat(schedule.get("critical").asBoolean()).isTrue();

        inTransaction.executeWithoutResult(status -> events.publishEvent(new PlanImported(projectId, false)));

        assertThat(plan.get(build).get("start").asString()).isEqualTo("2026-03-04T08:00:00");
        assertThat(plan.get(build).get("finish").asString()).isEqualTo("2026-03-06T17:00:00");
    }

    @Test
    void anImportedProjectFollowsItsOwnCalendarUntilSomeoneEditsTheProjectsCalendarInGantry() {
        Plan plan = plan();
        long projectId = projectId(plan);
        LocalDate wednesday = LocalDate.of(2026, 3, 4);
        storeCalendar(
                projectId,
                new PlanCalendar(
                        "10",
                        "Four days",
                        null,
                        week(PlanDay.STANDARD, PlanDay.NON_WORKING),
                        List.of(),
                        List.of(new PlanCalendarException("Closed", wednesday, wednesday, List.of(), null))));
        jdbc.sql("update project set calendar_key = '10' where id = ?")
                .param(projectId)
                .update();
        JsonNode design = plan.task("Design", "3d");
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> events.publishEvent(new PlanImported(projectId, false)));
        assertThat(plan.get(design).get("finish").asString()).isEqualTo("2026-03-05T17:00:00");
        String project = "/api/v1/projects/" + plan.key();
        int version = plan.api().get(project).body().get("version").asInt();
        Response later = plan.api().patch(project, json("startDate", "2026-03-02", "version", version));
        assertThat(plan.get(design).get("finish").asString())
                .as("a change of the start date alone keeps the imported calendar")
                .isEqualTo("2026-03-05T17:00:00");

        Response edited = plan.api()
                .patch(
                        project,
                        json(
                                "calendar",
                                Map.of(
                                        "workingDays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                                        "workingHours",
                                                List.of(
                                                        Map.of("from", "08:00", "to", "12:00"),
                                                        Map.of("from", "13:00", "to", "17:00")),
                                        "holidays", List.of(Map.of("date", "2026-03-05", "name", "Closed"))),
                                "version",
                                later.body().get("version").asInt()));

        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        // Monday to Wednesday on the edited calendar: Wednesday works again, Thursday is the new holiday.
        assertThat(plan.get(design).get("finish").asString()).isEqualTo("2026-03-04T17:00:00");
    }

    @Test
    void anImportedPlanKeepsTheTimeOfDayItsProjectStartsAt() {
        Plan plan = plan();
        long projectId = projectId(plan);
        JsonNode kickOff = plan.task("Kick-off", "1d");
        JsonNode design = plan.task("Design", "1d");
        plan.link(kickOff, design);
        JsonNode fixed = plan.task("Fixed", "1d");
        // As a file saved with the project starting at 10:00 stores them: what nothing holds starts then.
        setTask(kickOff, "start_at = ?", LocalDateTime.of(2026, 3, 2, 10, 0));
        setTask(
                fixed,
                "start_at = ?, constraint_type = 'START_NO_EARLIER_THAN', constraint_date = ?",
                LocalDateTime.of(2026, 3, 2, 9, 0),
                LocalDateTime.of(2026, 3, 2, 9, 0));

        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> events.publishEvent(new PlanImported(projectId, false)));

        // The task held by its constraint at 09:00 does not tell the project's start: 10:00 does.
        assertThat(plan.get(kickOff).get("start").asString()).isEqualTo("2026-03-02T10:00:00");
        assertThat(plan.get(kickOff).get("finish").asString()).isEqualTo("2026-03-03T10:00:00");
        assertThat(plan.get(design).get("start").asString()).isEqualTo("2026-03-03T10:00:00");
        assertThat(plan.get(fixed).get("start").asString()).isEqualTo("2026-03-02T09:00:00");
    }
}
