package org.gantry.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gantry.engine.Schedule;
import org.gantry.engine.ScheduledTask;
import org.gantry.engine.Scheduler;
import org.gantry.engine.TaskId;
import org.gantry.server.api.ApiClient.Response;
import org.gantry.server.schedule.ProjectScheduler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scheduler keeps a project's network in memory between edits and reads only what changed since
 * (V180's schedule version). Whatever path a change took (the API, another instance or a plain SQL
 * statement, an edit that was rolled back), the dates it stores are the ones the engine gives for the
 * network read whole from the database, and edits of tasks and links do not read the project whole.
 */
class ScheduleMemoryIT extends ApiIntegrationTest {

    @Autowired
    ProjectScheduler scheduler;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void editsThroughTheApiReadOnlyTheChangesAndStoreTheDatesOfAWholeRead() {
        TestUser owner = newUser("memory");
        String key = newProject(owner);
        ApiClient api = owner.api();
        long projectId = api.get("/api/v1/projects/" + key).body().get("id").asLong();
        long phase = taskId(api, key, json("name", "Phase"));
        List<Long> steps = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            steps.add(taskId(api, key, json("name", "Step " + i, "duration", (1 + i % 4) + "d", "parentId", phase)));
            if (i > 0 && i % 5 != 0) {
                link(api, key, steps.get(i - 1), steps.get(i));
            }
        }
        assertSameAsWholeRead(projectId);

        double before = reads("changes");
        edit(api, key, steps.get(0), json("duration", "6d"));
        edit(api, key, steps.get(12), json("duration", "2d", "percentComplete", 50));
        edit(api, key, steps.get(7), json("name", "Renamed step"));
        Response linked = api.post(
                "/api/v1/projects/" + key + "/links",
                json("predecessorId", steps.get(4), "successorId", steps.get(5), "type", "SS", "lag", "1d"));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(201);
        long added = taskId(api, key, json("name", "Late addition", "duration", "3d", "parentId", phase));
        link(api, key, steps.get(29), added);
        Response deleted = api.delete("/api/v1/projects/" + key + "/tasks/" + steps.get(20));
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        long linkId = linked.body().get("id").asLong();
        assertThat(api.delete("/api/v1/projects/" + key + "/links/" + linkId).status())
                .isEqualTo(204);

        assertThat(reads("changes") - before)
                .as("the eight edits brought the kept network up to date instead of reading it whole")
                .isGreaterThanOrEqualTo(8);
        assertSameAsWholeRead(projectId);
    }

    @Test
    void aChangeWrittenOutsideThisServerIsReadBeforeTheNextReschedule() {
        TestUser owner = newUser("memory-elsewhere");
        String key = newProject(owner);
        ApiClient api = owner.api();
        long projectId = api.get("/api/v1/projects/" + key).body().get("id").asLong();
        long first = taskId(api, key, json("name", "First", "duration", "2d"));
        long second = taskId(api, key, json("name", "Second", "duration", "2d"));
        long third = taskId(api, key, json("name", "Third", "duration", "1d"));
        link(api, key, first, second);
        link(api, key, second, third);
        edit(api, key, first, json("duration", "3d"));

        // As another instance would: a committed change this server's memory knows nothing of.
        jdbc.sql("update task set duration_minutes = 10 * 480 where id = ?")
                .param(second)
                .update();
        jdbc.sql("insert into project_holiday (project_id, day) select ?, (start_at + interval '1 day')::date"
                        + " from task where id = ?")
                .params(projectId, third)
                .update();
        edit(api, key, first, json("duration", "4d"));

        JsonTask stored = storedTask(projectId, second);
        assertSameAsWholeRead(projectId);
        assertThat(stored.finish())
                .as("the second task runs ten days, as written outside")
                .isAfter(storedTask(projectId, first).finish().plusDays(13));
    }

    @Test
    void anEditRolledBackLeavesNothingOfItInMemory() {
        TestUser owner = newUser("memory-rollback");
        String key = newProject(owner);
        ApiClient api = owner.api();
        long projectId = api.get("/api/v1/projects/" + key).body().get("id").asLong();
        long first = taskId(api, key, json("name", "First", "duration", "2d"));
        long second = taskId(api, key, json("name", "Second", "duration", "2d"));
        link(api, key, first, second);
        edit(api, key, second, json("duration", "3d"));

        Response cycle =
                api.post("/api/v1/projects/" + key + "/links", json("predecessorId", second, "successorId", first));
        assertThat(cycle.status()).as(cycle.toString()).isEqualTo(409);
        edit(api, key, first, json("duration", "5d"));

        assertThat(jdbc.sql("select count(*) from task_link where project_id = ?")
                        .param(projectId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertSameAsWholeRead(projectId);
        assertThat(storedTask(projectId, second).start())
                .as("the refused link left no trace: the second task still follows the first")
                .isAfterOrEqualTo(storedTask(projectId, first).finish());
    }

    @Test
    void editsOfAnImportedPlanThatMoveItsFinishWithinTheYearReadOnlyTheChanges() {
        TestUser owner = newUser("memory-imported");
        ApiClient api = owner.api();
        String source = newProjectStarting(api, "Imported memory", java.time.LocalDate.of(2027, 3, 1));
        List<Long> chain = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            chain.add(taskId(api, source, json("name", "Link " + i, "duration", "2d")));
            if (i > 0) {
                link(api, source, chain.get(i - 1), chain.get(i));
            }
        }
        byte[] mspdi = api.download("/api/v1/projects/" + source + "/export?format=mspdi");
        Response imported = api.upload("/api/v1/projects/import", "chain.xml", mspdi, Map.of("dates", "gantry"));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String key = imported.body().get("projectKey").asString();
        long projectId = api.get("/api/v1/projects/" + key).body().get("id").asLong();
        assertThat(jdbc.sql("select count(*) from project_calendar where project_id = ?")
                        .param(projectId)
                        .query(Long.class)
                        .single())
                .as("an imported plan schedules on the calendars stored with it")
                .isPositive();
        long first = jdbc.sql("select id from task where project_id = ? and name = 'Link 0'")
                .param(projectId)
                .query(Long.class)
                .single();
        edit(api, key, first, json("duration", "3d"));
        LocalDateTime finishBefore = lastFinish(projectId);

        // Each edit moves the plan's last finish by a day or more, within 2027: the stored calendars, written
        // out over whole years, stay as they were, so the kept network serves every edit.
        double changesBefore = reads("changes");
        double wholeBefore = reads("whole");
        for (String duration : List.of("4d", "6d", "5d", "8d")) {
            edit(api, key, first, json("duration", duration));
        }

        assertThat(lastFinish(projectId)).isAfter(finishBefore.plusDays(4));
        assertThat(reads("changes") - changesBefore)
                .as("the four edits brought the kept network up to date")
                .isGreaterThanOrEqualTo(4);
        assertThat(reads("whole") - wholeBefore)
                .as("no edit read the plan whole")
                .isZero();
        assertSameAsWholeRead(projectId);
    }

    @Test
    void assignmentChangesAndDurationEditsOfAssignedTasksReadOnlyTheChanges() {
        TestUser owner = newUser("memory-assigned");
        TestUser dana = newUser("dana");
        ApiClient api = owner.api();
        String key = newProjectStarting(api, "Assigned memory", java.time.LocalDate.of(2027, 3, 1));
        addMember(api, key, dana, "MEMBER");
        long projectId = api.get("/api/v1/projects/" + key).body().get("id").asLong();
        Response rig = api.post(
                "/api/v1/projects/" + key + "/resources", json("name", "Test rig", "kind", "WORK", "maxUnits", 100));
        assertThat(rig.status()).as(rig.toString()).isEqualTo(201);
        long rigId = rig.body().get("id").asLong();
        List<Long> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(taskId(api, key, json("name", "Work " + i, "duration", "2d", "assigneeIds", List.of(dana.id()))));
            if (i > 0) {
                link(api, key, tasks.get(i - 1), tasks.get(i));
            }
        }
        edit(api, key, tasks.get(0), json("duration", "3d"));

        double changesBefore = reads("changes");
        double wholeBefore = reads("whole");
        // A duration edit of an assigned task rescales its assignment's work (the task type's rule).
        edit(api, key, tasks.get(1), json("duration", "4d"));
        String assignments = "/api/v1/projects/" + key + "/tasks/" + tasks.get(2) + "/assignments";
        Response added = api.post(assignments, json("resourceId", rigId, "units", 50));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        long addedId = added.body().get("id").asLong();
        Response changed = api.patch(
                assignments + "/" + addedId,
                json("units", 25, "version", added.body().get("version").asInt()));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        Response removed = api.delete(assignments + "/" + addedId);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);

        assertThat(reads("changes") - changesBefore)
                .as("the four changes brought the kept network up to date")
                .isGreaterThanOrEqualTo(4);
        assertThat(reads("whole") - wholeBefore)
                .as("no change read the plan whole")
                .isZero();
        assertSameAsWholeRead(projectId);

        // Dana takes a week off: her work now runs on a calendar of her own, which a whole read builds; the
        // next assignment change of hers is again read alone, on that calendar.
        Response away = dana.api()
                .post(
                        "/api/v1/me/time-off",
                        json("firstDay", "2027-03-08", "lastDay", "2027-03-12", "kind", "VACATION"));
        assertThat(away.status()).as(away.toString()).isEqualTo(201);
        edit(api, key, tasks.get(0), json("duration", "2d"));
        wholeBefore = reads("whole");
        edit(api, key, tasks.get(3), json("duration", "5d"));
        assertThat(reads("whole") - wholeBefore).isZero();
        assertSameAsWholeRead(projectId);
        assertThat(storedTask(projectId, tasks.get(5)).finish())
                .as("the vacation week pushes the chain past it")
                .isAfter(LocalDateTime.of(2027, 3, 26, 0, 0));
    }

    private LocalDateTime lastFinish(long projectId) {
        return jdbc.sql("select max(finish_at) from task where project_id = ?")
                .param(projectId)
                .query(LocalDateTime.class)
                .single();
    }

    private double reads(String how) {
        return meters.get("gantry.reschedule.network.reads")
                .tag("read", how)
                .counter()
                .count();
    }

    private static void edit(ApiClient api, String key, long id, Map<String, Object> changes) {
        int version = api.get("/api/v1/projects/" + key + "/tasks/" + id)
                .body()
                .get("version")
                .asInt();
        Map<String, Object> body = new HashMap<>(changes);
        body.put("version", version);
        Response changed = api.patch("/api/v1/projects/" + key + "/tasks/" + id, body);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    record JsonTask(LocalDateTime start, LocalDateTime finish) {}

    private JsonTask storedTask(long projectId, long id) {
        return jdbc.sql("select start_at, finish_at from task where project_id = ? and id = ?")
                .params(projectId, id)
                .query((rs, n) ->
                        new JsonTask(rs.getObject(1, LocalDateTime.class), rs.getObject(2, LocalDateTime.class)))
                .single();
    }

    /** Every task's stored start and finish are what the engine gives for the network read whole. */
    private void assertSameAsWholeRead(long projectId) {
        Schedule whole = Scheduler.schedule(scheduler.network(projectId));
        Map<Long, JsonTask> stored = new HashMap<>();
        jdbc.sql("select id, start_at, finish_at from task where project_id = ?")
                .param(projectId)
                .query(rs -> {
                    stored.put(
                            rs.getLong(1),
                            new JsonTask(rs.getObject(2, LocalDateTime.class), rs.getObject(3, LocalDateTime.class)));
                });
        assertThat(stored).isNotEmpty();
        stored.forEach((id, dates) -> {
            ScheduledTask computed = whole.tasks().get(TaskId.of(id));
            assertThat(computed).as("task %d is in the network", id).isNotNull();
            assertThat(dates).as("task %d", id).isEqualTo(new JsonTask(computed.start(), computed.finish()));
        });
    }
}
