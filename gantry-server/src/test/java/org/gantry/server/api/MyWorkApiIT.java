package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.gantry.server.api.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** "My work" through the REST API: the caller's unfinished tasks across projects, in four groups. */
class MyWorkApiIT extends ApiIntegrationTest {

    @Test
    void myTasksAcrossTwoProjectsAreGroupedAsOverdueDueThisWeekInProgressAndOpen() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        TestUser me = newUser("my-work");
        TestUser owner = newUser("my-work-owner");
        String first = everyDayProject(owner, today.minusDays(30));
        String second = everyDayProject(owner, today.minusDays(30));
        addMember(owner.api(), first, me, "MEMBER");
        addMember(owner.api(), second, me, "MEMBER");
        ApiClient api = owner.api();
        long overdue = task(api, first, "Overdue review", "todo", today.minusDays(10), me);
        long dueThisWeek = task(api, second, "Due on Sunday at the latest", "todo", sunday, me);
        long doing = task(api, first, "Doing for a while", "in_progress", sunday.plusDays(10), me);
        long open = task(api, second, "Open later", "todo", sunday.plusDays(10), me);
        long doingLater = task(api, second, "Doing, due later still", "in_progress", sunday.plusDays(12), me);
        task(api, first, "Finished long ago", "done", today.minusDays(20), me);
        task(api, second, "Someone else's late task", "todo", today.minusDays(10), owner);
        String archived = everyDayProject(owner, today.minusDays(30));
        addMember(owner.api(), archived, me, "MEMBER");
        task(api, archived, "In an archived project", "todo", today.minusDays(10), me);
        assertThat(api.delete("/api/v1/projects/" + archived).status()).isEqualTo(200);

        Response work = me.api().get("/api/v1/my-work");

        assertThat(work.status()).as(work.toString()).isEqualTo(200);
        JsonNode body = work.body();
        assertThat(ids(body.get("overdue"))).containsExactly(overdue);
        assertThat(ids(body.get("dueThisWeek"))).containsExactly(dueThisWeek);
        assertThat(ids(body.get("inProgress"))).as("by finish, across projects").containsExactly(doing, doingLater);
        assertThat(ids(body.get("open"))).containsExactly(open);

        JsonNode late = body.get("overdue").get(0);
        JsonNode stored =
                api.get("/api/v1/projects/" + first + "/tasks/" + overdue).body();
        assertThat(late.get("project").asString()).isEqualTo(first);
        assertThat(late.get("projectName").asString()).isEqualTo("Project " + first);
        assertThat(late.get("wbs").asString()).isEqualTo(stored.get("wbs").asString());
        assertThat(late.get("name").asString()).isEqualTo("Overdue review");
        assertThat(late.get("status").asString()).isEqualTo("todo");
        assertThat(late.get("category").asString()).isEqualTo("TO_DO");
        assertThat(late.get("finish").asString())
                .isEqualTo(stored.get("finish").asString())
                .startsWith(today.minusDays(10).toString());
        assertThat(late.get("late").asBoolean()).isTrue();
        assertThat(late.get("link").asString()).isEqualTo("/projects/" + first + "/list?task=" + overdue);
        JsonNode week = body.get("dueThisWeek").get(0);
        assertThat(week.get("project").asString()).isEqualTo(second);
        assertThat(week.get("finish").asString()).startsWith(sunday.toString());
        Response owners = owner.api().get("/api/v1/my-work");
        assertThat(ids(owners.body().get("overdue")))
                .as("the owner's own late task only, not mine")
                .hasSize(1)
                .doesNotContain(overdue);
    }

    @Test
    void someoneWithNoAssignedTaskHasFourEmptyGroups() {
        Response work = newUser("no-work").api().get("/api/v1/my-work");

        assertThat(work.status()).as(work.toString()).isEqualTo(200);
        for (String group : List.of("overdue", "dueThisWeek", "inProgress", "open")) {
            assertThat(work.body().get(group).size()).as(group).isZero();
        }
    }

    /** A project that works every day 08:00-17:00 (UTC), so a task can fall on any day of the week. */
    private static String everyDayProject(TestUser owner, LocalDate start) {
        String key = newKey();
        Map<String, Object> calendar = Map.of(
                "workingDays",
                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                "workingHours",
                List.of(Map.of("from", "08:00", "to", "17:00")),
                "holidays",
                List.of());
        Response created = owner.api()
                .post(
                        "/api/v1/projects",
                        json(
                                "key",
                                key,
                                "name",
                                "Project " + key,
                                "startDate",
                                start.toString(),
                                "timeZone",
                                "UTC",
                                "calendar",
                                calendar));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return key;
    }

    /** A one-hour task starting at 08:00 on {@code day}, so it finishes that day. */
    private static long task(ApiClient api, String key, String name, String status, LocalDate day, TestUser assignee) {
        JsonNode task = createTask(
                api,
                key,
                json(
                        "name",
                        name,
                        "status",
                        status,
                        "start",
                        day + "T08:00:00",
                        "duration",
                        "1h",
                        "assigneeIds",
                        List.of(assignee.id())));
        return task.get("id").asLong();
    }

    private static List<Long> ids(JsonNode group) {
        return group.valueStream().map(task -> task.get("id").asLong()).toList();
    }
}
