package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * Sprints, the backlog and the agile charts through the REST API. The server runs on a clock the test
 * moves from day to day (its own Spring context: the server's {@link Clock} bean, which also dates the
 * activity log's entries), so a whole sprint is scripted on known days and every point of the charts is
 * checked against what the script did.
 */
@Import(SprintApiIT.MovableClockConfiguration.class)
class SprintApiIT extends ApiIntegrationTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** A clock that stands still where the test puts it. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-03-01T09:00:00Z");

        void set(String parisTime) {
            now = LocalDateTime.parse(parisTime).atZone(PARIS).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration
    static class MovableClockConfiguration {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @Autowired
    MovableClock clock;

    @Test
    void aWholeSprintIsRecomputedFromTheStatusHistoryDayByDay() {
        TestUser owner = newUser("sprint-owner");
        ApiClient api = owner.api();
        clock.set("2026-03-01T10:00");
        String key = project(api);
        long a = task(api, key, "A", 3);
        long b = task(api, key, "B", 5);
        long c = task(api, key, "C", 8);
        long d = task(api, key, "D", 2);
        long e = task(api, key, "E", 1);
        long g = task(api, key, "G", 13);
        long first = sprint(api, key, "Sprint 1", "2026-03-02", "2026-03-06");
        long second = sprint(api, key, "Sprint 2", "2026-03-09", "2026-03-13");
        for (long task : List.of(a, b, c, d, e)) {
            plan(api, key, task, first, null);
        }
        JsonNode planned = api.get(path(key, "/sprints/" + first)).body();
        assertThat(planned.get("state").asString()).isEqualTo("PLANNED");
        assertThat(planned.get("committedPoints").decimalValue()).isEqualByComparingTo("19");
        assertThat(ids(planned.get("tasks"))).containsExactly(a, b, c, d, e);
        assertThat(ids(api.get(path(key, "/backlog")).body().get("items"))).containsExactly(g);

        clock.set("2026-03-02T09:00");
        JsonNode started = start(api, key, first);
        assertThat(started.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(started.get("committedPoints").decimalValue()).isEqualByComparingTo("19");
        clock.set("2026-03-02T15:00");
        move(api, key, a, "in_progress");
        clock.set("2026-03-03T11:00");
        move(api, key, a, "done");
        move(api, key, b, "in_progress");
        clock.set("2026-03-03T12:00");
        Response estimate = api.patch(
                path(key, "/tasks/" + e), json("storyPoints", 2, "version", version(api, key, e))); // E: 1 -> 2
        assertThat(estimate.status()).as(estimate.toString()).isEqualTo(200);
        clock.set("2026-03-04T10:00");
        long f = task(api, key, "F", 5);
        plan(api, key, f, first, 1); // scope added after the start, ranked first
        clock.set("2026-03-05T00:30"); // Thursday in Paris, still Wednesday in UTC
        move(api, key, b, "done");
        clock.set("2026-03-05T14:00");
        move(api, key, f, "done");
        move(api, key, c, "in_progress");
        clock.set("2026-03-05T20:00"); // mid-sprint view: days still to come have only the ideal line
        assertThat(rows(api.get(path(key, "/sprints/" + first + "/burndown"))
                        .body()
                        .get("days")))
                .containsExactly(
                        "2026-03-02 15.2 19 19 0 0 19",
                        "2026-03-03 11.4 17 17 0 3 20",
                        "2026-03-04 7.6 22 17 5 3 25",
                        "2026-03-05 3.8 12 12 5 13 25",
                        "2026-03-06 0 - - - - -");
        clock.set("2026-03-06T16:00");
        move(api, key, d, "done");

        clock.set("2026-03-06T17:00");
        JsonNode closed = complete(api, key, first, json("unfinishedTo", "SPRINT", "nextSprintId", second));
        assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
        Map<Long, String> outcomes = new HashMap<>();
        closed.get("tasks")
                .forEach(t ->
                        outcomes.put(t.get("taskId").asLong(), t.get("outcome").asString()));
        assertThat(outcomes)
                .isEqualTo(Map.of(a, "DONE", b, "DONE", c, "NOT_DONE", d, "DONE", e, "NOT_DONE", f, "DONE"));

        // Burndown and burnup: date, ideal, remaining, remaining of the commitment, scope added, completed, total.
        JsonNode burndown =
                api.get(path(key, "/sprints/" + first + "/burndown")).body();
        assertThat(burndown.get("committedPoints").decimalValue()).isEqualByComparingTo("19");
        assertThat(rows(burndown.get("days")))
                .containsExactly(
                        "2026-03-02 15.2 19 19 0 0 19",
                        "2026-03-03 11.4 17 17 0 3 20",
                        "2026-03-04 7.6 22 17 5 3 25",
                        "2026-03-05 3.8 12 12 5 13 25",
                        "2026-03-06 0 10 10 5 15 25");

        JsonNode next = api.get(path(key, "/sprints/" + second)).body();
        assertThat(ids(next.get("tasks"))).containsExactly(c, e);
        assertThat(next.get("committedPoints").decimalValue()).isEqualByComparingTo("10");

        clock.set("2026-03-09T09:00");
        start(api, key, second);
        clock.set("2026-03-10T16:00");
        move(api, key, c, "done");
        clock.set("2026-03-13T17:00");
        complete(api, key, second, json("unfinishedTo", "BACKLOG"));
        assertThat(ids(api.get(path(key, "/backlog")).body().get("items")))
                .as("the unfinished task goes to the top of the backlog")
                .containsExactly(e, g);
        assertThat(rows(api.get(path(key, "/sprints/" + second + "/burndown"))
                        .body()
                        .get("days")))
                .containsExactly(
                        "2026-03-09 8 10 10 0 0 10",
                        "2026-03-10 6 2 2 0 8 10",
                        "2026-03-11 4 2 2 0 8 10",
                        "2026-03-12 2 2 2 0 8 10",
                        "2026-03-13 0 2 2 0 8 10");
        assertThat(outcomeOf(api.get(path(key, "/sprints/" + first)).body(), e))
                .as("still recorded as not done in the first sprint")
                .isEqualTo("NOT_DONE");

        // Velocity: committed, completed, added, not done; average of completed.
        JsonNode velocity = api.get(path(key, "/velocity")).body();
        List<String> sprints = new ArrayList<>();
        velocity.get("sprints")
                .forEach(s -> sprints.add(s.get("name").asString() + " " + number(s.get("committed")) + " "
                        + number(s.get("completed")) + " " + number(s.get("scopeAdded")) + " "
                        + number(s.get("notDone"))));
        assertThat(sprints).containsExactly("Sprint 1 19 15 5 10", "Sprint 2 10 8 0 2");
        assertThat(velocity.get("averageCompleted").decimalValue()).isEqualByComparingTo("11.5");
        assertThat(api.get(path(key, "/backlog")).body().get("averageVelocity").decimalValue())
                .isEqualByComparingTo("11.5");

        // Cumulative flow: tasks per status (to do, in progress, done) at the end of each day.
        JsonNode flow = api.get(path(key, "/cumulative-flow?from=2026-02-28&to=2026-03-10"))
                .body();
        List<String> counts = new ArrayList<>();
        flow.get("days")
                .forEach(day -> counts.add(day.get("date").asString() + " "
                        + day.get("counts").get("todo").asInt() + " "
                        + day.get("counts").get("in_progress").asInt() + " "
                        + day.get("counts").get("done").asInt()));
        assertThat(counts)
                .containsExactly(
                        "2026-02-28 0 0 0",
                        "2026-03-01 6 0 0",
                        "2026-03-02 5 1 0",
                        "2026-03-03 4 1 1",
                        "2026-03-04 5 1 1",
                        "2026-03-05 3 1 3",
                        "2026-03-06 2 1 4",
                        "2026-03-07 2 1 4",
                        "2026-03-08 2 1 4",
                        "2026-03-09 2 1 4",
                        "2026-03-10 2 0 5");
    }

    @Test
    void onlyOneSprintIsActiveAndStaleOrInvalidRequestsAreProblems() {
        TestUser owner = newUser("sprint-rules");
        ApiClient api = owner.api();
        clock.set("2026-04-01T09:00");
        String key = project(api);
        long one = sprint(api, key, "One", "2026-04-01", "2026-04-14");
        long two = sprint(api, key, "Two", "2026-04-15", "2026-04-28");
        long task = task(api, key, "Work", 3);

        start(api, key, one);
        Response second = api.post(path(key, "/sprints/" + two + "/start"), json("version", 0));
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.body().get("detail").asString()).contains("One");

        Response stale = api.patch(path(key, "/sprints/" + one), json("name", "Renamed", "version", 0));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.body().get("current").get("name").asString()).isEqualTo("One");
        assertThat(stale.body().get("current").get("version").asInt()).isEqualTo(1);

        Response renamed = api.patch(path(key, "/sprints/" + one), json("goal", "Ship the login", "version", 1));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.body().get("goal").asString()).isEqualTo("Ship the login");

        assertThat(errorFields(api.post(
                        path(key, "/sprints"), json("name", " ", "endDate", "2026-01-01", "startDate", "2026-02-01"))))
                .containsExactlyInAnyOrder("name", "endDate");
        assertThat(errorFields(api.post(path(key, "/sprints"), json("name", "Far", "startDate", "2999-01-01"))))
                .containsExactly("startDate");
        assertThat(errorFields(api.post(path(key, "/sprints/" + one + "/complete"), json("version", 1))))
                .containsExactly("unfinishedTo");
        assertThat(errorFields(api.post(
                        path(key, "/sprints/" + one + "/complete"),
                        json("version", 1, "unfinishedTo", "SPRINT", "nextSprintId", one))))
                .containsExactly("nextSprintId");
        assertThat(errorFields(api.post(path(key, "/tasks/" + task + "/plan"), json("sprintId", 999999999))))
                .containsExactlyInAnyOrder("version", "sprintId");
        Response missing = api.get(path(key, "/sprints/999999999/burndown"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");

        Response staleTask = api.post(path(key, "/tasks/" + task + "/plan"), json("sprintId", two, "version", 999));
        assertThat(staleTask.status()).as(staleTask.toString()).isEqualTo(409);
        assertThat(staleTask.body().get("current").get("taskId").asLong()).isEqualTo(task);

        complete(api, key, one, json("unfinishedTo", "BACKLOG"));
        Response intoClosed = api.post(
                path(key, "/tasks/" + task + "/plan"), json("sprintId", one, "version", version(api, key, task)));
        assertThat(intoClosed.status()).as(intoClosed.toString()).isEqualTo(409);
        Response deleteClosed = api.delete(path(key, "/sprints/" + one));
        assertThat(deleteClosed.status()).isEqualTo(409);
        plan(api, key, task, two, null);
        assertThat(api.delete(path(key, "/sprints/" + two)).status()).isEqualTo(204);
        assertThat(ids(api.get(path(key, "/backlog")).body().get("items")))
                .as("a removed sprint's tasks are back in the backlog")
                .containsExactly(task);
    }

    @Test
    void theBacklogIsRankedAndATaskTakenOutOfTheActiveSprintIsScopeRemoved() {
        TestUser owner = newUser("backlog-owner");
        ApiClient api = owner.api();
        clock.set("2026-05-04T09:00");
        String key = project(api);
        long x = task(api, key, "X", 1);
        long y = task(api, key, "Y", 2);
        long z = task(api, key, "Z", 3);
        plan(api, key, z, null, 1);
        plan(api, key, x, null, 3);
        assertThat(ids(api.get(path(key, "/backlog")).body().get("items"))).containsExactly(z, y, x);
        plan(api, key, y, null, 1);
        assertThat(ids(api.get(path(key, "/backlog")).body().get("items"))).containsExactly(y, z, x);

        long sprint = sprint(api, key, "Only", "2026-05-04", "2026-05-06");
        plan(api, key, x, sprint, null);
        plan(api, key, y, sprint, 1);
        assertThat(ids(api.get(path(key, "/sprints/" + sprint)).body().get("tasks")))
                .containsExactly(y, x);
        start(api, key, sprint);
        clock.set("2026-05-05T10:00");
        plan(api, key, x, null, 1); // taken out mid-sprint
        clock.set("2026-05-06T18:00");
        assertThat(rows(api.get(path(key, "/sprints/" + sprint + "/burndown"))
                        .body()
                        .get("days")))
                .containsExactly("2026-05-04 2 3 3 0 0 3", "2026-05-05 1 2 2 0 0 2", "2026-05-06 0 2 2 0 0 2");
        assertThat(ids(api.get(path(key, "/backlog")).body().get("items"))).containsExactly(x, z);
        assertThat(outcomeOf(api.get(path(key, "/sprints/" + sprint)).body(), x))
                .isEqualTo("REMOVED");
    }

    @Test
    void aSprintLinkedToAMilestoneGivesItsForecastAndShowsTheSlip() {
        TestUser owner = newUser("milestone-owner");
        ApiClient api = owner.api();
        clock.set("2026-06-01T09:00");
        String key = newKey();
        Response created = api.post(
                "/api/v1/projects",
                json("key", key, "name", "Hybrid " + key, "timeZone", PARIS.getId(), "startDate", "2026-06-01"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long release = createTask(api, key, json("name", "Release", "milestone", true))
                .get("id")
                .asLong();
        long other = createTask(api, key, json("name", "Sign-off", "milestone", true))
                .get("id")
                .asLong();
        java.time.LocalDate planned = LocalDateTime.parse(api.get(path(key, "/tasks/" + release))
                        .body()
                        .get("finish")
                        .asString())
                .toLocalDate();
        Response sprint = api.post(
                path(key, "/sprints"),
                json(
                        "name",
                        "Feeds release",
                        "startDate",
                        "2026-06-01",
                        "endDate",
                        "2026-06-12",
                        "milestoneId",
                        release));
        assertThat(sprint.status()).as(sprint.toString()).isEqualTo(201);
        long id = sprint.body().get("id").asLong();

        JsonNode forecast = milestone(api, key, release);
        assertThat(forecast.get("forecast").asString()).isEqualTo("2026-06-12");
        assertThat(forecast.get("slipDays").asInt())
                .isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(planned, java.time.LocalDate.of(2026, 6, 12)));
        assertThat(forecast.get("late").asBoolean()).isEqualTo(planned.isBefore(java.time.LocalDate.of(2026, 6, 12)));
        assertThat(forecast.get("sprintIds").get(0).asLong()).isEqualTo(id);
        assertThat(milestone(api, key, other).get("forecast").isNull())
                .as("no sprint feeds it")
                .isTrue();

        Response later = api.patch(path(key, "/sprints/" + id), json("endDate", "2026-06-19", "version", 0));
        assertThat(later.status()).as(later.toString()).isEqualTo(200);
        assertThat(milestone(api, key, release).get("forecast").asString()).isEqualTo("2026-06-19");
        start(api, key, id);
        clock.set("2026-06-17T15:00");
        complete(api, key, id, json("unfinishedTo", "BACKLOG"));
        assertThat(milestone(api, key, release).get("forecast").asString())
                .as("a closed sprint forecasts the day it was completed")
                .isEqualTo("2026-06-17");
    }

    @Test
    void cycleTimeRunsFromFirstInProgressToTheLastEntryIntoDone() {
        TestUser owner = newUser("cycle-owner");
        ApiClient api = owner.api();
        clock.set("2026-04-01T08:00");
        String key = project(api);
        long a = task(api, key, "A", 1);
        long b = task(api, key, "B", 1);
        long c = task(api, key, "C", 1);
        long d = task(api, key, "D", 1);
        long e = task(api, key, "E", 1);
        long f = task(api, key, "F", 1);
        long g = task(api, key, "G", 1);
        at("2026-04-01T09:30", () -> move(api, key, g, "in_progress"));
        at("2026-04-01T10:00", () -> move(api, key, a, "in_progress"));
        at("2026-04-01T12:00", () -> move(api, key, b, "in_progress"));
        at("2026-04-01T15:30", () -> move(api, key, g, "done")); // 6 h: 0.25 days
        at("2026-04-02T09:00", () -> {
            move(api, key, c, "in_progress");
            move(api, key, e, "in_progress");
            move(api, key, f, "in_progress"); // never finished: no cycle time
        });
        at("2026-04-02T16:00", () -> move(api, key, a, "done")); // 30 h: 1.25 days
        at("2026-04-03T09:00", () -> {
            move(api, key, c, "todo"); // back to the queue: the clock keeps running from the first start
            move(api, key, d, "done"); // straight from to do: finished, but without a cycle time
            move(api, key, e, "done");
        });
        at("2026-04-06T09:00", () -> move(api, key, c, "in_progress"));
        at("2026-04-06T12:00", () -> move(api, key, b, "done")); // 5 days
        at("2026-04-07T09:00", () -> move(api, key, e, "in_progress")); // reopened
        at("2026-04-08T21:00", () -> move(api, key, c, "done")); // 6.5 days
        at("2026-04-09T15:00", () -> move(api, key, e, "done")); // its last finish counts: 7.25 days
        clock.set("2026-04-10T12:00");

        JsonNode all =
                api.get(path(key, "/cycle-time?from=2026-04-01&to=2026-04-10")).body();
        assertThat(cycles(all))
                .containsExactly(
                        g + " 2026-04-01 0.25",
                        a + " 2026-04-02 1.25",
                        b + " 2026-04-06 5",
                        c + " 2026-04-08 6.5",
                        e + " 2026-04-09 7.25");
        assertThat(all.get("count").asInt()).isEqualTo(5);
        assertThat(all.get("finishedWithoutProgress").asInt()).isEqualTo(1);
        assertThat(number(all.get("averageDays"))).isEqualTo("4.05");
        assertThat(number(all.get("p50"))).isEqualTo("5");
        assertThat(number(all.get("p85"))).isEqualTo("7.25");
        assertThat(number(all.get("p95"))).isEqualTo("7.25");
        JsonNode first = all.get("points").get(0);
        assertThat(first.get("startedAt").asString()).isEqualTo("2026-04-01T07:30:00Z");
        assertThat(first.get("finishedAt").asString()).isEqualTo("2026-04-01T13:30:00Z");

        JsonNode week =
                api.get(path(key, "/cycle-time?from=2026-04-02&to=2026-04-08")).body();
        assertThat(cycles(week)).containsExactly(a + " 2026-04-02 1.25", b + " 2026-04-06 5", c + " 2026-04-08 6.5");
        assertThat(number(week.get("p50"))).isEqualTo("5");
        assertThat(number(week.get("p85"))).isEqualTo("6.5");
        assertThat(number(week.get("p95"))).isEqualTo("6.5");
        JsonNode byDefault = api.get(path(key, "/cycle-time")).body();
        assertThat(byDefault.get("from").asString()).isEqualTo("2026-01-11");
        assertThat(byDefault.get("to").asString()).isEqualTo("2026-04-10");
        assertThat(byDefault.get("count").asInt()).isEqualTo(5);
        JsonNode none =
                api.get(path(key, "/cycle-time?from=2026-03-01&to=2026-03-31")).body();
        assertThat(none.get("count").asInt()).isZero();
        assertThat(none.get("p50").isNull()).isTrue();

        assertThat(errorFields(api.get(path(key, "/cycle-time?from=2026-04-09&to=2026-04-01"))))
                .containsExactly("from");
        assertThat(errorFields(api.get(path(key, "/cycle-time?from=2025-01-01&to=2026-04-01"))))
                .containsExactly("from");
        Response badDate = api.get(path(key, "/cycle-time?to=tomorrow"));
        assertThat(badDate.status()).as(badDate.toString()).isEqualTo(400);
        assertThat(badDate.header("Content-Type")).startsWith("application/problem+json");
        Response outsider = newUser("cycle-outsider").api().get(path(key, "/cycle-time"));
        assertThat(outsider.status()).isEqualTo(404);
        assertThat(outsider.header("Content-Type")).startsWith("application/problem+json");
    }

    private void at(String parisTime, Runnable changes) {
        clock.set(parisTime);
        changes.run();
    }

    private static List<String> cycles(JsonNode cycleTime) {
        List<String> points = new ArrayList<>();
        cycleTime
                .get("points")
                .forEach(point -> points.add(point.get("taskId").asLong() + " "
                        + point.get("finishedOn").asString() + " " + number(point.get("days"))));
        return points;
    }

    @Test
    void aSprintsCapacityComesFromThePeoplesCalendarsAndMaximumUnits() {
        TestUser owner = newUser("capacity-owner");
        TestUser ana = newUser("capacity-ana");
        TestUser bo = newUser("capacity-bo");
        TestUser cy = newUser("capacity-cy");
        ApiClient api = owner.api();
        clock.set("2026-03-12T09:00");
        String key = newKey();
        // Monday to Friday, 8 hours; Wednesday 18 March is a holiday, inside the sprint.
        Map<String, Object> calendar = Map.of(
                "workingDays",
                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                "workingHours",
                List.of(Map.of("from", "08:00", "to", "12:00"), Map.of("from", "13:00", "to", "17:00")),
                "holidays",
                List.of(Map.of("date", "2026-03-18", "name", "Closed")));
        Response created = api.post(
                "/api/v1/projects",
                json(
                        "key",
                        key,
                        "name",
                        "Capacity " + key,
                        "timeZone",
                        PARIS.getId(),
                        "startDate",
                        "2026-03-16",
                        "calendar",
                        calendar));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        addMember(api, key, ana, "MEMBER");
        addMember(api, key, bo, "MEMBER");
        long anaResource = resource(api, key, json("name", "Ana", "userId", ana.id()));
        long boResource = resource(api, key, json("name", "Bo", "userId", bo.id(), "maxUnits", 50)); // part time
        resource(api, key, json("name", "Contractor")); // nobody who logs in: not part of the team
        resource(api, key, json("name", "Sand", "kind", "MATERIAL"));
        // Two weeks, Monday 16 to Friday 27 March: 10 weekdays, one a holiday, so 9 days of 8 hours.
        long id = sprint(api, key, "Sprint 1", "2026-03-16", "2026-03-27");

        JsonNode empty = api.get(path(key, "/sprints/" + id)).body();
        assertThat(number(empty.get("capacityHours"))).isEqualTo("108"); // 72 + 36
        List<String> people = new ArrayList<>();
        empty.get("capacity")
                .forEach(person -> people.add(person.get("name").asString() + " "
                        + person.get("userId").asLong() + " "
                        + number(person.get("maxUnits")) + " " + number(person.get("workingHours")) + " "
                        + number(person.get("capacityHours"))));
        assertThat(people).containsExactly("Ana " + ana.id() + " 100 72 72", "Bo " + bo.id() + " 50 72 36");
        assertThat(empty.get("committedWorkHours").isNull())
                .as("no task has work")
                .isTrue();
        assertThat(empty.get("overCapacity").asBoolean()).isFalse();

        long a = task(api, key, "A", 5);
        long b = task(api, key, "B", 3);
        assign(api, key, a, json("resourceId", anaResource, "workHours", 40));
        assign(api, key, b, json("resourceId", boResource, "workHours", 30));
        plan(api, key, a, id, null);
        plan(api, key, b, id, null);
        JsonNode planned = api.get(path(key, "/sprints/" + id)).body();
        assertThat(number(planned.get("committedWorkHours"))).isEqualTo("70");
        assertThat(planned.get("overCapacity").asBoolean()).isFalse();
        assertThat(number(planned.get("committedPoints"))).isEqualTo("8");

        long c = task(api, key, "C", 8);
        assign(api, key, c, json("resourceId", anaResource, "workHours", 40.5));
        plan(api, key, c, id, null);
        JsonNode over = api.get(path(key, "/sprints")).body().get(0);
        assertThat(number(over.get("committedWorkHours"))).isEqualTo("110.5");
        assertThat(over.get("overCapacity").asBoolean())
                .as("110.5 h of work in 108 h")
                .isTrue();

        // A third person joins the team at 80 %: 57.6 more hours. A sprint without dates has no capacity.
        addMember(api, key, cy, "MEMBER");
        resource(api, key, json("name", "Cy", "userId", cy.id(), "maxUnits", 80));
        JsonNode grown = api.get(path(key, "/sprints/" + id)).body();
        assertThat(number(grown.get("capacityHours"))).isEqualTo("165.6");
        assertThat(grown.get("overCapacity").asBoolean()).isFalse();
        Response undated = api.post(path(key, "/sprints"), json("name", "Someday"));
        assertThat(undated.status()).as(undated.toString()).isEqualTo(201);
        assertThat(undated.body().get("capacityHours").isNull()).isTrue();
        assertThat(undated.body().get("capacity").size()).isZero();
        Response endless = api.post(
                path(key, "/sprints"), json("name", "Forever", "startDate", "1900-01-01", "endDate", "2200-12-31"));
        assertThat(endless.status()).as(endless.toString()).isEqualTo(201);
        assertThat(endless.body().get("capacityHours").isNull())
                .as("not a time box")
                .isTrue();
    }

    private static long resource(ApiClient api, String key, Map<String, Object> body) {
        Response created = api.post(path(key, "/resources"), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private static void assign(ApiClient api, String key, long task, Map<String, Object> body) {
        Response created = api.post(path(key, "/tasks/" + task + "/assignments"), body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private static JsonNode milestone(ApiClient api, String key, long task) {
        Response milestones = api.get(path(key, "/milestones"));
        assertThat(milestones.status()).as(milestones.toString()).isEqualTo(200);
        for (JsonNode milestone : milestones.body()) {
            if (milestone.get("taskId").asLong() == task) {
                return milestone;
            }
        }
        throw new AssertionError("no milestone " + task + " in " + milestones);
    }

    // ----- helpers -----

    private static String project(ApiClient api) {
        String key = newKey();
        Response created =
                api.post("/api/v1/projects", json("key", key, "name", "Sprints " + key, "timeZone", PARIS.getId()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return key;
    }

    private static String path(String key, String rest) {
        return "/api/v1/projects/" + key + rest;
    }

    private static long task(ApiClient api, String key, String name, int points) {
        return createTask(api, key, json("name", name, "storyPoints", points))
                .get("id")
                .asLong();
    }

    private static long sprint(ApiClient api, String key, String name, String start, String end) {
        Response created = api.post(path(key, "/sprints"), json("name", name, "startDate", start, "endDate", end));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private static int version(ApiClient api, String key, long task) {
        return api.get(path(key, "/tasks/" + task)).body().get("version").asInt();
    }

    private static void plan(ApiClient api, String key, long task, Long sprint, Integer position) {
        Map<String, Object> body = new HashMap<>();
        body.put("sprintId", sprint);
        body.put("position", position);
        body.put("version", version(api, key, task));
        Response planned = api.post(path(key, "/tasks/" + task + "/plan"), body);
        assertThat(planned.status()).as(planned.toString()).isEqualTo(200);
    }

    private static void move(ApiClient api, String key, long task, String status) {
        Response moved = api.post(
                path(key, "/tasks/" + task + "/move-card"), json("status", status, "version", version(api, key, task)));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    private static JsonNode start(ApiClient api, String key, long sprint) {
        int version =
                api.get(path(key, "/sprints/" + sprint)).body().get("version").asInt();
        Response started = api.post(path(key, "/sprints/" + sprint + "/start"), json("version", version));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        return started.body();
    }

    private static JsonNode complete(ApiClient api, String key, long sprint, Map<String, Object> body) {
        body.put(
                "version",
                api.get(path(key, "/sprints/" + sprint)).body().get("version").asInt());
        Response completed = api.post(path(key, "/sprints/" + sprint + "/complete"), body);
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        return completed.body();
    }

    private static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(item -> {
            if (!item.has("outcome") || item.get("outcome").isNull()) {
                ids.add(item.get("taskId").asLong());
            }
        });
        return ids;
    }

    private static String outcomeOf(JsonNode sprint, long task) {
        for (JsonNode t : sprint.get("tasks")) {
            if (t.get("taskId").asLong() == task) {
                return t.get("outcome").asString();
            }
        }
        return null;
    }

    private static String number(JsonNode value) {
        return value.isNull() ? "-" : value.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static List<String> rows(JsonNode days) {
        List<String> rows = new ArrayList<>();
        days.forEach(day -> rows.add(day.get("date").asString() + " " + number(day.get("ideal")) + " "
                + number(day.get("remaining")) + " " + number(day.get("remainingCommitted")) + " "
                + number(day.get("scopeAdded")) + " " + number(day.get("completed")) + " "
                + number(day.get("totalScope"))));
        return rows;
    }
}
