package org.gantry.server.schedule;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Levelling as stored: each task's levelling delay and its assignments' levelling delays, and the runs (level or clear) with the delays they
 * replaced, so that a run can be undone; the levelling state the API reports.
 */
@Component
class LevellingRuns {

    private final JdbcClient jdbc;
    private final ProjectScheduler scheduler;
    private final JsonMapper json = JsonMapper.shared();

    LevellingRuns(JdbcClient jdbc, ProjectScheduler scheduler) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
    }

    LevellingApplied store(
            CurrentUser user,
            ProjectAccess access,
            String action,
            Map<String, Object> asked,
            LevellingService.Plan plan) {
        long projectId = access.projectId();
        List<Long> ids = new ArrayList<>();
        List<Long> minutes = new ArrayList<>();
        List<Boolean> elapsed = new ArrayList<>();
        List<List<Object>> previous = new ArrayList<>();
        Map<Long, Map<Long, Long>> assignmentsBefore = assignmentDelays(projectId);
        plan.delays().forEach((id, delay) -> {
            long[] before = plan.previous().get(id);
            Map<Long, Long> was = assignmentsBefore.getOrDefault(id, Map.of());
            Map<Long, Long> now = plan.assignmentDelays().getOrDefault(id, Map.of());
            if (before[0] == delay
                    && (delay == 0 || before[1] == 1)
                    && withoutZeros(now).equals(was)) {
                return;
            }
            ids.add(id);
            minutes.add(delay);
            elapsed.add(true);
            // The run keeps what it replaced, the assignments' delays by resource id, to undo it.
            Map<String, Long> assignments = new java.util.TreeMap<>();
            was.forEach((resource, minutesBefore) -> assignments.put(String.valueOf(resource), minutesBefore));
            previous.add(List.<Object>of(id, before[0], before[1] == 1, assignments));
        });
        writeDelays(projectId, ids, minutes, elapsed);
        writeAssignmentDelays(projectId, ids, plan.assignmentDelays());
        Rescheduled outcome = scheduler.reschedule(projectId);
        RescheduleOnChange.remember(outcome);
        long version = scheduler.scheduleVersionOf(projectId);
        LevellingPreview preview = plan.preview();
        long run = jdbc.sql("""
                insert into levelling_run (project_id, applied_by, action, options, previous,
                tasks_changed, finish_before, finish_after, schedule_version)
                values (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?) returning id
                """)
                .params(
                        projectId,
                        user.id(),
                        action,
                        json.writeValueAsString(asked),
                        json.writeValueAsString(previous),
                        ids.size(),
                        preview.finishBefore(),
                        preview.finishAfter(),
                        version)
                .query(Long.class)
                .single();
        return new LevellingApplied(run, preview, outcome.moved(), version);
    }

    void writeDelays(long projectId, List<Long> ids, List<Long> minutes, List<Boolean> elapsed) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        with u as (select * from unnest(?::bigint[], ?::bigint[], ?::boolean[]) as u(id, minutes, elapsed))
                        update task t set levelling_delay_minutes = u.minutes, levelling_delay_elapsed = u.elapsed,
                               updated_at = now(), version = t.version + 1
                          from u where t.id = u.id and t.project_id = ?
                        """)
                .params(
                        ids.toArray(Long[]::new),
                        minutes.toArray(Long[]::new),
                        elapsed.toArray(Boolean[]::new),
                        projectId)
                .update();
    }

    private static Map<Long, Long> withoutZeros(Map<Long, Long> delays) {
        Map<Long, Long> kept = new java.util.HashMap<>(delays);
        kept.values().removeIf(minutes -> minutes == 0);
        return kept;
    }

    /** The assignments of the project that levelling holds back: by task, resource id and working minutes. */
    private Map<Long, Map<Long, Long>> assignmentDelays(long projectId) {
        Map<Long, Map<Long, Long>> delays = new java.util.HashMap<>();
        jdbc.sql("""
                select task_id, resource_id, levelling_delay_minutes from assignment
                where project_id = ? and levelling_delay_minutes > 0
                """).param(projectId).query(rs -> {
            delays.computeIfAbsent(rs.getLong(1), k -> new java.util.HashMap<>())
                    .put(rs.getLong(2), rs.getLong(3));
        });
        return delays;
    }

    /**
     * Sets the levelling delay of every assignment of {@code taskIds}: the minutes {@code delays} gives its
     * task and resource, zero where it gives none. Only assignments whose delay changes are written.
     */
    void writeAssignmentDelays(long projectId, List<Long> taskIds, Map<Long, Map<Long, Long>> delays) {
        if (taskIds.isEmpty()) {
            return;
        }
        List<Long> tasks = new ArrayList<>();
        List<Long> resources = new ArrayList<>();
        List<Long> minutes = new ArrayList<>();
        delays.forEach((task, byResource) -> byResource.forEach((resource, delay) -> {
            tasks.add(task);
            resources.add(resource);
            minutes.add(delay);
        }));
        jdbc.sql("""
                        update assignment a set levelling_delay_minutes = coalesce(u.minutes, 0), version = a.version + 1
                          from assignment x
                          left join unnest(?::bigint[], ?::bigint[], ?::bigint[]) as u(task_id, resource_id, minutes)
                                 on u.task_id = x.task_id and u.resource_id = x.resource_id
                         where a.id = x.id and x.project_id = ? and x.task_id = any(?::bigint[])
                           and a.levelling_delay_minutes <> coalesce(u.minutes, 0)
                        """)
                .params(
                        tasks.toArray(Long[]::new),
                        resources.toArray(Long[]::new),
                        minutes.toArray(Long[]::new),
                        projectId,
                        taskIds.toArray(Long[]::new))
                .update();
    }

    LevellingState state(ProjectAccess access) {
        long projectId = access.projectId();
        long version = scheduler.scheduleVersionOf(projectId);
        Map<Long, List<TaskLevelling.AssignmentDelay>> assignmentDelays =
                namedAssignmentDelays(projectId, null, access.minutesPerDay());
        List<TaskLevelling> delayed = jdbc.sql(TASK_LEVELLING
                        + " where t.project_id = ? and (t.levelling_delay_minutes > 0 or exists (select 1"
                        + " from assignment a where a.task_id = t.id and a.levelling_delay_minutes > 0))"
                        + " order by t.outline_path")
                .param(projectId)
                .query((rs, n) -> taskLevelling(rs, assignmentDelays))
                .list();
        LocalDateTime finish = jdbc.sql("select max(finish_at) from task where project_id = ? and active")
                .param(projectId)
                .query((rs, n) -> rs.getObject(1, LocalDateTime.class))
                .optional()
                .orElse(null);
        List<LevellingState.Run> runs = new ArrayList<>();
        jdbc.sql("""
                select r.id, r.action, r.options ->> 'mode', r.applied_at, u.name, r.tasks_changed,
                r.finish_before, r.finish_after, r.undone_at, r.schedule_version from levelling_run r
                left join app_user u on u.id = r.applied_by where r.project_id = ? order by r.id desc
                limit 20
                """).param(projectId).query(rs -> {
            Timestamp undone = rs.getTimestamp(9);
            runs.add(new LevellingState.Run(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getString(5),
                    rs.getInt(6),
                    rs.getObject(7, LocalDateTime.class),
                    rs.getObject(8, LocalDateTime.class),
                    undone == null ? null : undone.toInstant(),
                    undone == null && rs.getLong(10) == version));
        });
        return new LevellingState(version, finish, delayed, runs);
    }

    private static final String TASK_LEVELLING = """
        select t.id, t.name, t.priority, t.source_priority,
        t.levelling_delay_minutes, t.levelling_delay_elapsed, t.start_at, t.finish_at, t.version from task t
        """;

    /** By task, the assignments levelling holds back, with their resources' names (all tasks when null). */
    private Map<Long, List<TaskLevelling.AssignmentDelay>> namedAssignmentDelays(
            long projectId, Long taskId, long minutesPerDay) {
        Map<Long, List<TaskLevelling.AssignmentDelay>> delays = new java.util.HashMap<>();
        jdbc.sql("""
                select a.task_id, a.resource_id, r.name, a.levelling_delay_minutes from assignment a
                join resource r on r.id = a.resource_id where a.project_id = ?
                and a.levelling_delay_minutes > 0 and (?::bigint is null or a.task_id = ?) order by r.name
                """).params(projectId, taskId, taskId).query(rs -> {
            long minutes = rs.getLong(4);
            delays.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                    .add(new TaskLevelling.AssignmentDelay(
                            rs.getLong(2),
                            rs.getString(3),
                            minutes,
                            LevellingPreviews.workText(minutes, minutesPerDay)));
        });
        return delays;
    }

    TaskLevelling readTask(ProjectAccess access, long taskId) {
        Map<Long, List<TaskLevelling.AssignmentDelay>> assignmentDelays =
                namedAssignmentDelays(access.projectId(), taskId, access.minutesPerDay());
        return jdbc.sql(TASK_LEVELLING + " where t.id = ? and t.project_id = ?")
                .params(taskId, access.projectId())
                .query((rs, n) -> taskLevelling(rs, assignmentDelays))
                .optional()
                .orElseThrow(() -> new NotFound("There is no task " + taskId + " in project " + access.key() + "."));
    }

    private static TaskLevelling taskLevelling(
            java.sql.ResultSet rs, Map<Long, List<TaskLevelling.AssignmentDelay>> assignmentDelays)
            throws java.sql.SQLException {
        long minutes = rs.getLong(5);
        boolean elapsed = rs.getBoolean(6);
        return new TaskLevelling(
                rs.getLong(1),
                rs.getString(2),
                LevellingPriority.priority(rs.getString(3), (Integer) rs.getObject(4, Integer.class)),
                minutes,
                elapsed,
                LevellingPreviews.delayText(minutes, elapsed),
                assignmentDelays.getOrDefault(rs.getLong(1), List.of()),
                rs.getObject(7, LocalDateTime.class),
                rs.getObject(8, LocalDateTime.class),
                rs.getInt(9));
    }
}
