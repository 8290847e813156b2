package org.gantry.server.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gantry.engine.ConstraintType;
import org.gantry.engine.WorkingPeriod;
import org.gantry.engine.WorkingTime;
import org.gantry.server.cost.PlannedCosts;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.PlanDates;
import org.gantry.server.shared.StaleVersion;
import org.gantry.server.task.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The schedule of a project as people see and steer it: the Gantt chart's data, constraints and
 * deadlines, the status date, and baselines with their variances. Reading needs any role; constraints
 * need {@link Permission#EDIT_TASKS}; the status date and baselines {@link Permission#EDIT_PROJECT}.
 */
@Service
public class ScheduleService {

    private static final Set<String> CLEARABLE = Set.of("constraint", "deadline");

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final TaskService tasks;
    private final ProjectScheduler scheduler;
    private final PlannedCosts plannedCosts;

    ScheduleService(
            JdbcClient jdbc,
            ProjectService projects,
            TaskService tasks,
            ProjectScheduler scheduler,
            PlannedCosts plannedCosts) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.tasks = tasks;
        this.scheduler = scheduler;
        this.plannedCosts = plannedCosts;
    }

    /** Everything the chart draws, in three queries plus the calendar; {@code baselineSlot} may be null. */
    @Transactional(readOnly = true)
    public GanttData gantt(CurrentUser user, String projectRef, Integer baselineSlot) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        checkSlot(baselineSlot);
        long projectId = access.projectId();
        ProjectCalendar calendar = scheduler.calendar(projectId);
        WorkingTime workingTime = calendar.workingTime();
        Map<Long, List<String>> assignees = new HashMap<>();
        jdbc.sql("""
                select a.task_id, u.name from task_assignee a join task t on t.id = a.task_id
                join app_user u on u.id = a.user_id where t.project_id = ? order by u.name
                """).param(projectId).query(rs -> {
            assignees.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(2)).add(rs.getString(2));
        });
        List<Object[]> rows = new ArrayList<>();
        Set<Long> parents = new HashSet<>();
        jdbc.sql("""
                select t.id, t.parent_id, t.outline_path, t.name, t.milestone, t.start_at, t.finish_at,
                t.duration_minutes, t.percent_complete, t.critical, t.total_slack_minutes,
                t.free_slack_minutes, t.deadline, t.constraint_type, t.constraint_date, t.version,
                b.start_at, b.finish_at, b.duration_minutes
                from task t left join task_baseline b on b.task_id = t.id and b.slot = ?
                where t.project_id = ? order by t.outline_path
                """)
                .params(baselineSlot == null ? -1 : baselineSlot, projectId)
                .query(rs -> {
                    long parent = rs.getLong(2);
                    Long parentId = rs.wasNull() ? null : parent;
                    if (parentId != null) {
                        parents.add(parentId);
                    }
                    Integer[] path = (Integer[]) rs.getArray(3).getArray();
                    Object baselineDuration = rs.getObject(19);
                    rows.add(new Object[] {
                        rs.getLong(1),
                        parentId,
                        path,
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getObject(6, LocalDateTime.class),
                        rs.getObject(7, LocalDateTime.class),
                        rs.getLong(8),
                        rs.getInt(9),
                        rs.getBoolean(10),
                        rs.getLong(11),
                        rs.getLong(12),
                        rs.getObject(13, LocalDateTime.class),
                        rs.getString(14),
                        rs.getObject(15, LocalDateTime.class),
                        rs.getInt(16),
                        rs.getObject(17, LocalDateTime.class),
                        rs.getObject(18, LocalDateTime.class),
                        baselineDuration == null ? null : ((Number) baselineDuration).longValue()
                    });
                });
        List<GanttData.GanttTask> ganttTasks = new ArrayList<>(rows.size());
        LocalDateTime finish = null;
        StringBuilder wbs = new StringBuilder();
        for (Object[] row : rows) {
            long id = (Long) row[0];
            Integer[] path = (Integer[]) row[2];
            wbs.setLength(0);
            for (int i = 0; i < path.length; i++) {
                wbs.append(i == 0 ? "" : ".").append(path[i]);
            }
            boolean summary = parents.contains(id);
            LocalDateTime start = (LocalDateTime) row[5];
            LocalDateTime taskFinish = (LocalDateTime) row[6];
            long duration = (Long) row[7];
            if (summary && start != null && taskFinish != null) {
                duration = workingTime.workBetween(start, taskFinish);
            }
            if (taskFinish != null && (finish == null || taskFinish.isAfter(finish))) {
                finish = taskFinish;
            }
            ganttTasks.add(new GanttData.GanttTask(
                    id,
                    wbs.toString(),
                    (String) row[3],
                    (Long) row[1],
                    path.length,
                    summary,
                    (Boolean) row[4],
                    start,
                    taskFinish,
                    duration,
                    (Integer) row[8],
                    (Boolean) row[9],
                    (Long) row[10],
                    (Long) row[11],
                    (LocalDateTime) row[12],
                    (String) row[13],
                    (LocalDateTime) row[14],
                    assignees.getOrDefault(id, List.of()),
                    (LocalDateTime) row[16],
                    (LocalDateTime) row[17],
                    (Long) row[18],
                    (Integer) row[15]));
        }
        List<GanttData.GanttLink> links = jdbc.sql("""
                select id, predecessor_id, successor_id, link_type, lag_minutes, version from task_link
                where project_id = ? order by id
                """)
                .param(projectId)
                .query((rs, n) -> new GanttData.GanttLink(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        switch (rs.getString(4)) {
                            case "SS" -> "START_START";
                            case "FF" -> "FINISH_FINISH";
                            case "SF" -> "START_FINISH";
                            default -> "FINISH_START";
                        },
                        rs.getLong(5),
                        rs.getInt(6)))
                .list();
        Object[] project = jdbc.sql("select name, version from project where id = ?")
                .param(projectId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2)})
                .single();
        List<WorkingPeriod> periods = calendar.periods();
        List<Integer> days =
                calendar.days().stream().map(day -> day.getValue()).sorted().toList();
        GanttData.GanttProject header = new GanttData.GanttProject(
                projectId,
                access.key(),
                (String) project[0],
                calendar.projectStart(),
                finish == null ? calendar.projectStart() : finish,
                calendar.statusDate(),
                LocalDateTime.now(access.timeZone()).withSecond(0).withNano(0),
                access.minutesPerDay(),
                new GanttData.GanttCalendar(
                        days,
                        calendar
                                .holidaysBetween(
                                        calendar.startDate().minusYears(1),
                                        (finish == null ? calendar.projectStart() : finish)
                                                .toLocalDate()
                                                .plusYears(1))
                                .stream()
                                .map(LocalDate::toString)
                                .toList(),
                        time(periods.get(0).startMinute()),
                        time(periods.get(periods.size() - 1).endMinute())),
                baselineSlot,
                access.can(Permission.EDIT_TASKS) && !access.archived(),
                access.can(Permission.EDIT_PROJECT) && !access.archived(),
                (Integer) project[1]);
        return new GanttData(header, ganttTasks, links);
    }

    @Transactional(readOnly = true)
    public TaskSchedule taskSchedule(CurrentUser user, String projectRef, long taskId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return read(access, taskId, null);
    }

    /** Sets or clears a task's constraint and deadline, then reschedules the project. */
    @Transactional
    public TaskSchedule changeSchedule(CurrentUser user, String projectRef, long taskId, ScheduleChanges changes) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_TASKS);
        TaskSchedule current = read(access, taskId, null);
        var problems = new InvalidInput.Collector();
        if (changes.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        List<String> clear = changes.clear() == null ? List.of() : changes.clear();
        for (String field : clear) {
            if (field == null || !CLEARABLE.contains(field)) {
                problems.add("clear", "can name " + String.join(", ", CLEARABLE) + "; not " + field);
            }
        }
        String type = clear.contains("constraint")
                ? ConstraintType.AS_SOON_AS_POSSIBLE.name()
                : changes.constraintType() == null
                        ? current.constraintType()
                        : changes.constraintType().name();
        LocalDateTime date = clear.contains("constraint")
                ? null
                : changes.constraintDate() == null ? current.constraintDate() : changes.constraintDate();
        boolean dated = !type.equals(ConstraintType.AS_SOON_AS_POSSIBLE.name())
                && !type.equals(ConstraintType.AS_LATE_AS_POSSIBLE.name());
        if (dated && date == null) {
            problems.add(
                    "constraintDate", "is required for a " + type.toLowerCase().replace('_', ' ') + " constraint");
        }
        if (!dated) {
            date = null;
        }
        LocalDateTime deadline = clear.contains("deadline")
                ? null
                : changes.deadline() == null ? current.deadline() : changes.deadline();
        PlanDates.check("constraintDate", changes.constraintDate(), problems);
        PlanDates.check("deadline", changes.deadline(), problems);
        problems.throwIfAny();
        int updated = jdbc.sql("""
                update task set constraint_type = ?, constraint_date = ?, deadline = ?,
                updated_at = now(), version = version + 1 where id = ? and project_id = ? and version = ?
                """)
                .params(type, date, deadline, taskId, access.projectId(), changes.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion(
                    "Task " + taskId, tasks.get(user, projectRef, taskId).task());
        }
        Rescheduled outcome = scheduler.reschedule(access.projectId(), taskId);
        RescheduleOnChange.remember(outcome);
        return read(access, taskId, outcome);
    }

    /** Sets or clears the status date; progress up to it shapes the schedule, the chart draws it. */
    @Transactional
    public Rescheduled changeStatusDate(CurrentUser user, String projectRef, StatusDateChange change) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        var problems = new InvalidInput.Collector();
        if (change.version() == null) {
            problems.add("version", "is required: send the project's version you last read");
        }
        PlanDates.check("statusDate", change.statusDate(), problems);
        problems.throwIfAny();
        int updated = jdbc.sql("""
                update project set status_date = ?, updated_at = now(), version = version + 1
                where id = ? and version = ?
                """)
                .params(change.statusDate(), access.projectId(), change.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("Project " + access.key(), projects.get(user, projectRef));
        }
        Rescheduled outcome = scheduler.reschedule(access.projectId());
        RescheduleOnChange.remember(outcome);
        return outcome;
    }

    /** Reschedules without a change (after an import, or to measure); answers what moved. */
    @Transactional
    public Rescheduled reschedule(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_TASKS);
        Rescheduled outcome = scheduler.reschedule(access.projectId());
        RescheduleOnChange.remember(outcome);
        return outcome;
    }

    @Transactional(readOnly = true)
    public List<BaselineSlot> baselines(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        Map<Integer, BaselineSlot> saved = new HashMap<>();
        jdbc.sql("select slot, count(*), max(captured_at) from task_baseline where project_id = ? group by slot")
                .param(access.projectId())
                .query(rs -> {
                    int slot = rs.getInt(1);
                    saved.put(
                            slot,
                            new BaselineSlot(
                                    slot,
                                    BaselineSlot.name(slot),
                                    rs.getLong(2),
                                    rs.getTimestamp(3).toInstant()));
                });
        List<BaselineSlot> slots = new ArrayList<>();
        for (int slot = 0; slot <= 10; slot++) {
            slots.add(saved.getOrDefault(slot, new BaselineSlot(slot, BaselineSlot.name(slot), 0, null)));
        }
        return slots;
    }

    /** Captures the current dates of all tasks (or the given ones) into the slot, replacing what was there. */
    @Transactional
    public BaselineSlot setBaseline(CurrentUser user, String projectRef, int slot, BaselineRequest request) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        checkSlot(slot);
        List<Long> ids = request == null || request.taskIds() == null ? List.of() : request.taskIds();
        String only = ids.isEmpty() ? "" : " and id = any(?)";
        Object[] params = ids.isEmpty()
                ? new Object[] {slot, access.projectId()}
                : new Object[] {slot, access.projectId(), ids.toArray(Long[]::new)};
        int captured = jdbc.sql("insert into task_baseline (task_id, project_id, slot, start_at, finish_at,"
                        + " duration_minutes, total_slack_minutes) select id, project_id, ?, start_at, finish_at,"
                        + " duration_minutes, total_slack_minutes from task where project_id = ?" + only
                        + " on conflict (task_id, slot) do update set start_at = excluded.start_at,"
                        + " finish_at = excluded.finish_at, duration_minutes = excluded.duration_minutes,"
                        + " total_slack_minutes = excluded.total_slack_minutes, captured_at = now()")
                .params(params)
                .update();
        if (!ids.isEmpty() && captured < ids.stream().distinct().count()) {
            throw new InvalidInput("taskIds", "every id must be a task of this project");
        }
        // The baseline's cost is each task's planned cost now: the budget earned value measures against.
        plannedCosts.captureIntoBaseline(
                access.projectId(), slot, ids, access.minutesPerDay(), access.minutesPerWeek());
        return new BaselineSlot(slot, BaselineSlot.name(slot), captured, Instant.now());
    }

    @Transactional
    public void clearBaseline(CurrentUser user, String projectRef, int slot, List<Long> taskIds) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        checkSlot(slot);
        if (taskIds == null || taskIds.isEmpty()) {
            jdbc.sql("delete from task_baseline where project_id = ? and slot = ?")
                    .params(access.projectId(), slot)
                    .update();
        } else {
            jdbc.sql("delete from task_baseline where project_id = ? and slot = ? and task_id = any(?)")
                    .params(access.projectId(), slot, taskIds.toArray(Long[]::new))
                    .update();
        }
    }

    /** Each task against the baseline in the slot: start, finish and duration variance in working minutes. */
    @Transactional(readOnly = true)
    public List<BaselineVariance> variance(CurrentUser user, String projectRef, int slot) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        checkSlot(slot);
        WorkingTime time = scheduler.calendar(access.projectId()).workingTime();
        return jdbc.sql("""
                select t.id, array_to_string(t.outline_path, '.'), t.name, t.start_at, t.finish_at,
                t.duration_minutes, b.start_at, b.finish_at, b.duration_minutes, b.task_id is not null
                from task t left join task_baseline b on b.task_id = t.id and b.slot = ?
                where t.project_id = ? order by t.outline_path
                """)
                .params(slot, access.projectId())
                .query((rs, n) -> {
                    LocalDateTime start = rs.getObject(4, LocalDateTime.class);
                    LocalDateTime finish = rs.getObject(5, LocalDateTime.class);
                    long duration = rs.getLong(6);
                    boolean inBaseline = rs.getBoolean(10);
                    LocalDateTime baselineStart = rs.getObject(7, LocalDateTime.class);
                    LocalDateTime baselineFinish = rs.getObject(8, LocalDateTime.class);
                    Long baselineDuration = inBaseline ? rs.getLong(9) : null;
                    return new BaselineVariance(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            start,
                            finish,
                            duration,
                            baselineStart,
                            baselineFinish,
                            baselineDuration,
                            signedWork(time, baselineStart, start),
                            signedWork(time, baselineFinish, finish),
                            baselineDuration == null ? null : duration - baselineDuration);
                })
                .list();
    }

    private TaskSchedule read(ProjectAccess access, long taskId, Rescheduled outcome) {
        return jdbc.sql("""
                select id, name, constraint_type, constraint_date, deadline, start_at, finish_at, early_start,
                early_finish, late_start, late_finish, total_slack_minutes, free_slack_minutes, critical,
                version from task where id = ? and project_id = ?
                """)
                .params(taskId, access.projectId())
                .query((rs, n) -> new TaskSchedule(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDateTime.class),
                        rs.getObject(5, LocalDateTime.class),
                        rs.getObject(6, LocalDateTime.class),
                        rs.getObject(7, LocalDateTime.class),
                        rs.getObject(8, LocalDateTime.class),
                        rs.getObject(9, LocalDateTime.class),
                        rs.getObject(10, LocalDateTime.class),
                        rs.getObject(11, LocalDateTime.class),
                        rs.getLong(12),
                        rs.getLong(13),
                        rs.getBoolean(14),
                        rs.getInt(15),
                        outcome == null ? null : outcome.moved(),
                        outcome == null ? null : outcome.changed(),
                        outcome == null ? null : outcome.millis()))
                .optional()
                .orElseThrow(() -> new NotFound("There is no task " + taskId + " in project " + access.key() + "."));
    }

    /** Working minutes from {@code planned} to {@code actual}: positive when actual is later. */
    private static Long signedWork(WorkingTime time, LocalDateTime planned, LocalDateTime actual) {
        if (planned == null || actual == null) {
            return null;
        }
        return actual.isBefore(planned) ? -time.workBetween(actual, planned) : time.workBetween(planned, actual);
    }

    private static void checkSlot(Integer slot) {
        if (slot != null && (slot < 0 || slot > 10)) {
            throw new InvalidInput("slot", "must be between 0 (Baseline) and 10 (Baseline 10)");
        }
    }

    private static String time(int minuteOfDay) {
        return LocalTime.of(minuteOfDay / 60 % 24, minuteOfDay % 60).toString();
    }
}
