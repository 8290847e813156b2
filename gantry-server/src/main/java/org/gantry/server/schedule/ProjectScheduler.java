package org.gantry.server.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gantry.engine.CalendarException;
import org.gantry.engine.CalendarId;
import org.gantry.engine.Constraint;
import org.gantry.engine.ConstraintType;
import org.gantry.engine.Link;
import org.gantry.engine.LinkType;
import org.gantry.engine.Progress;
import org.gantry.engine.ProjectNetwork;
import org.gantry.engine.ProjectOptions;
import org.gantry.engine.Schedule;
import org.gantry.engine.ScheduleException;
import org.gantry.engine.ScheduleProblem;
import org.gantry.engine.ScheduledTask;
import org.gantry.engine.Scheduler;
import org.gantry.engine.Task;
import org.gantry.engine.TaskId;
import org.gantry.engine.WorkDuration;
import org.gantry.engine.WorkingCalendar;
import org.gantry.engine.WorkingPeriod;
import org.gantry.engine.WorkingTime;
import org.gantry.server.shared.Conflict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reschedules a whole project with the engine and stores what changed. The network is loaded in three
 * queries (project with holidays, tasks, links); the changed rows are written in one statement over
 * arrays. A task whose start or finish moved gets a new version, so a client still holding the old one
 * is told its view is stale instead of overwriting the move.
 */
@Service
public class ProjectScheduler {

    static final CalendarId PROJECT_CALENDAR = CalendarId.of("project");
    private static final String TASK_COLUMNS = "id, parent_id, name, milestone, duration_minutes, percent_complete,"
            + " constraint_type, constraint_date, deadline, start_at, finish_at, early_start, early_finish,"
            + " late_start, late_finish, total_slack_minutes, free_slack_minutes, critical, version";

    private final JdbcClient jdbc;

    ProjectScheduler(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reschedules the project inside the caller's transaction (which must exist: it holds the lock). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Rescheduled reschedule(long projectId) {
        return reschedule(projectId, null);
    }

    /**
     * As {@link #reschedule(long)}, for an edit of {@code editedTaskId}: that task's version was already
     * bumped by the edit, so moving it does not bump it again (the client gets one new version per edit).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Rescheduled reschedule(long projectId, Long editedTaskId) {
        long began = System.nanoTime();
        // The same lock as structural edits of the outline: two reschedules of one project never interleave.
        jdbc.sql("select pg_advisory_xact_lock(?)").param(projectId).query(rs -> {});
        ProjectCalendar project = calendar(projectId);
        Rows rows = new Rows();
        // No order needed: the engine resolves parents by id, and results are matched by id.
        jdbc.sql("select " + TASK_COLUMNS + " from task where project_id = ?")
                .param(projectId)
                .query(rs -> {
                    rows.add(rs);
                });
        List<Link> links = new ArrayList<>();
        jdbc.sql("select predecessor_id, successor_id, link_type, lag_minutes from task_link where project_id = ?")
                .param(projectId)
                .query(rs -> {
                    links.add(Link.of(
                            rows.taskId(rs.getLong(1)),
                            rows.taskId(rs.getLong(2)),
                            linkType(rs.getString(3)),
                            WorkDuration.minutes(rs.getLong(4))));
                });
        if (rows.size() == 0) {
            return new Rescheduled(List.of(), elapsed(began), elapsed(began), 0, 0);
        }
        double loaded = elapsed(began);
        long computing = System.nanoTime();
        Schedule schedule;
        try {
            schedule = Scheduler.schedule(project.network(rows.engineTasks(), links));
        } catch (ScheduleException e) {
            throw refusal(e.problem(), rows);
        }
        double computed = elapsed(computing);
        long storing = System.nanoTime();
        List<MovedTask> changed = store(rows, schedule, project, editedTaskId);
        return new Rescheduled(changed, elapsed(began), loaded, computed, elapsed(storing));
    }

    /** The project's working time, as the engine sees it (for turning a typed finish into a duration). */
    WorkingTime workingTime(long projectId) {
        ProjectCalendar project = calendar(projectId);
        return WorkingTime.of(project.calendar());
    }

    ProjectCalendar calendar(long projectId) {
        ProjectCalendar project = jdbc.sql(
                        "select start_date, working_days, working_hours, status_date from project where id = ?")
                .param(projectId)
                .query((rs, row) -> new ProjectCalendar(
                        rs.getObject(1, LocalDate.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, LocalDateTime.class),
                        List.of()))
                .single();
        List<LocalDate> holidays = jdbc.sql("select day from project_holiday where project_id = ? order by day")
                .param(projectId)
                .query((rs, row) -> rs.getObject(1, LocalDate.class))
                .list();
        return new ProjectCalendar(
                project.startDate, project.workingDays, project.workingHours, project.statusDate, holidays);
    }

    private List<MovedTask> store(Rows rows, Schedule schedule, ProjectCalendar project, Long editedTaskId) {
        List<MovedTask> changed = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        List<String> starts = new ArrayList<>();
        List<String> finishes = new ArrayList<>();
        List<String> earlyStarts = new ArrayList<>();
        List<String> earlyFinishes = new ArrayList<>();
        List<String> lateStarts = new ArrayList<>();
        List<String> lateFinishes = new ArrayList<>();
        List<Long> totalSlacks = new ArrayList<>();
        List<Long> freeSlacks = new ArrayList<>();
        List<Boolean> criticals = new ArrayList<>();
        List<Integer> bumps = new ArrayList<>();
        WorkingTime workingTime = null;
        for (int i = 0; i < rows.size(); i++) {
            ScheduledTask result = schedule.tasks().get(rows.taskIds.get(i));
            if (result == null) {
                continue;
            }
            boolean moved = !Objects.equals(result.start(), rows.start.get(i))
                    || !Objects.equals(result.finish(), rows.finish.get(i));
            boolean other = !Objects.equals(result.earlyStart(), rows.earlyStart.get(i))
                    || !Objects.equals(result.earlyFinish(), rows.earlyFinish.get(i))
                    || !Objects.equals(result.lateStart(), rows.lateStart.get(i))
                    || !Objects.equals(result.lateFinish(), rows.lateFinish.get(i))
                    || result.totalSlackMinutes() != rows.totalSlack.get(i)
                    || result.freeSlackMinutes() != rows.freeSlack.get(i)
                    || result.critical() != rows.critical.get(i);
            if (!moved && !other) {
                continue;
            }
            ids.add(rows.ids.get(i));
            starts.add(text(result.start()));
            finishes.add(text(result.finish()));
            earlyStarts.add(text(result.earlyStart()));
            earlyFinishes.add(text(result.earlyFinish()));
            lateStarts.add(text(result.lateStart()));
            lateFinishes.add(text(result.lateFinish()));
            totalSlacks.add(result.totalSlackMinutes());
            freeSlacks.add(result.freeSlackMinutes());
            criticals.add(result.critical());
            // A task placed for the first time (no dates yet) or the edited task itself keeps its version.
            int bump = moved && rows.start.get(i) != null && !rows.ids.get(i).equals(editedTaskId) ? 1 : 0;
            bumps.add(bump);
            long duration = rows.duration.get(i);
            if (result.summary() && result.start() != null && result.finish() != null) {
                if (workingTime == null) {
                    workingTime = WorkingTime.of(project.calendar());
                }
                duration = workingTime.workBetween(result.start(), result.finish());
            }
            changed.add(new MovedTask(
                    rows.ids.get(i),
                    result.start(),
                    result.finish(),
                    rows.start.get(i),
                    rows.finish.get(i),
                    duration,
                    result.totalSlackMinutes(),
                    result.freeSlackMinutes(),
                    result.critical(),
                    moved,
                    rows.version.get(i) + bump));
        }
        if (!ids.isEmpty()) {
            jdbc.sql("update task t set start_at = u.start_at, finish_at = u.finish_at, early_start = u.early_start,"
                            + " early_finish = u.early_finish, late_start = u.late_start, late_finish = u.late_finish,"
                            + " total_slack_minutes = u.total_slack, free_slack_minutes = u.free_slack,"
                            + " critical = u.critical, version = t.version + u.bump"
                            + " from unnest(?::bigint[], ?::timestamp[], ?::timestamp[], ?::timestamp[], ?::timestamp[],"
                            + " ?::timestamp[], ?::timestamp[], ?::bigint[], ?::bigint[], ?::boolean[], ?::int[])"
                            + " as u(id, start_at, finish_at, early_start, early_finish, late_start, late_finish,"
                            + " total_slack, free_slack, critical, bump) where t.id = u.id")
                    .params(
                            ids.toArray(Long[]::new),
                            starts.toArray(String[]::new),
                            finishes.toArray(String[]::new),
                            earlyStarts.toArray(String[]::new),
                            earlyFinishes.toArray(String[]::new),
                            lateStarts.toArray(String[]::new),
                            lateFinishes.toArray(String[]::new),
                            totalSlacks.toArray(Long[]::new),
                            freeSlacks.toArray(Long[]::new),
                            criticals.toArray(Boolean[]::new),
                            bumps.toArray(Integer[]::new))
                    .update();
        }
        return changed;
    }

    private static Conflict refusal(ScheduleProblem problem, Rows rows) {
        if (problem instanceof ScheduleProblem.DependencyCycle cycle) {
            List<Long> ids = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (TaskId id : cycle.cycle()) {
                if (id.value().matches("\\d{1,18}")) {
                    long taskId = Long.parseLong(id.value());
                    if (ids.isEmpty() || ids.get(ids.size() - 1) != taskId) {
                        ids.add(taskId);
                        names.add(rows.name(taskId));
                    }
                }
            }
            return new ScheduleCycle(ids, names);
        }
        return new Conflict("Cannot schedule", "The schedule cannot be computed: " + problem + ".");
    }

    private static LinkType linkType(String code) {
        return switch (code) {
            case "SS" -> LinkType.START_START;
            case "FF" -> LinkType.FINISH_FINISH;
            case "SF" -> LinkType.START_FINISH;
            default -> LinkType.FINISH_START;
        };
    }

    private static String text(LocalDateTime value) {
        return value == null ? null : value.toString();
    }

    private static double elapsed(long began) {
        return Math.round((System.nanoTime() - began) / 10_000.0) / 100.0;
    }

    /** The project's calendar and dates as stored: working days "1,2,3,4,5", hours "08:00-12:00,13:00-17:00". */
    record ProjectCalendar(
            LocalDate startDate,
            String workingDays,
            String workingHours,
            LocalDateTime statusDate,
            List<LocalDate> holidays) {

        List<WorkingPeriod> periods() {
            List<WorkingPeriod> periods = new ArrayList<>();
            for (String range : workingHours.split(",")) {
                String[] ends = range.strip().split("-");
                periods.add(WorkingPeriod.of(LocalTime.parse(ends[0]), LocalTime.parse(ends[1])));
            }
            return periods;
        }

        Set<DayOfWeek> days() {
            Set<DayOfWeek> days = new HashSet<>();
            for (String day : workingDays.split(",")) {
                days.add(DayOfWeek.of(Integer.parseInt(day.strip())));
            }
            return days;
        }

        WorkingCalendar calendar() {
            List<WorkingPeriod> periods = periods();
            Set<DayOfWeek> days = days();
            Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                week.put(day, days.contains(day) ? periods : List.of());
            }
            List<CalendarException> exceptions = new ArrayList<>();
            for (LocalDate holiday : holidays) {
                exceptions.add(CalendarException.holiday(holiday));
            }
            return new WorkingCalendar(PROJECT_CALENDAR, null, week, exceptions);
        }

        LocalDateTime projectStart() {
            return startDate.atTime(
                    periods().get(0).startMinute() / 60, periods().get(0).startMinute() % 60);
        }

        ProjectNetwork network(List<Task> tasks, List<Link> links) {
            int perDay = periods().stream().mapToInt(WorkingPeriod::minutes).sum();
            ProjectOptions options = new ProjectOptions(perDay, perDay * days().size(), 20, 0);
            return new ProjectNetwork(
                    projectStart(), PROJECT_CALENDAR, List.of(calendar()), tasks, links, statusDate, options);
        }
    }

    /** The stored rows of one project, column by column, in outline order. */
    private static final class Rows {
        final List<Long> ids = new ArrayList<>();
        final List<TaskId> taskIds = new ArrayList<>();
        final List<Long> parents = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<Boolean> milestone = new ArrayList<>();
        final List<Long> duration = new ArrayList<>();
        final List<Integer> percent = new ArrayList<>();
        final List<String> constraintType = new ArrayList<>();
        final List<LocalDateTime> constraintDate = new ArrayList<>();
        final List<LocalDateTime> deadline = new ArrayList<>();
        final List<LocalDateTime> start = new ArrayList<>();
        final List<LocalDateTime> finish = new ArrayList<>();
        final List<LocalDateTime> earlyStart = new ArrayList<>();
        final List<LocalDateTime> earlyFinish = new ArrayList<>();
        final List<LocalDateTime> lateStart = new ArrayList<>();
        final List<LocalDateTime> lateFinish = new ArrayList<>();
        final List<Long> totalSlack = new ArrayList<>();
        final List<Long> freeSlack = new ArrayList<>();
        final List<Boolean> critical = new ArrayList<>();
        final List<Integer> version = new ArrayList<>();
        private Map<Long, String> nameById;
        private Map<Long, TaskId> taskIdById;

        void add(java.sql.ResultSet rs) throws java.sql.SQLException {
            long id = rs.getLong(1);
            ids.add(id);
            taskIds.add(TaskId.of(id));
            long parent = rs.getLong(2);
            parents.add(rs.wasNull() ? null : parent);
            names.add(rs.getString(3));
            milestone.add(rs.getBoolean(4));
            duration.add(rs.getLong(5));
            percent.add(rs.getInt(6));
            constraintType.add(rs.getString(7));
            constraintDate.add(rs.getObject(8, LocalDateTime.class));
            deadline.add(rs.getObject(9, LocalDateTime.class));
            start.add(rs.getObject(10, LocalDateTime.class));
            finish.add(rs.getObject(11, LocalDateTime.class));
            earlyStart.add(rs.getObject(12, LocalDateTime.class));
            earlyFinish.add(rs.getObject(13, LocalDateTime.class));
            lateStart.add(rs.getObject(14, LocalDateTime.class));
            lateFinish.add(rs.getObject(15, LocalDateTime.class));
            totalSlack.add(rs.getLong(16));
            freeSlack.add(rs.getLong(17));
            critical.add(rs.getBoolean(18));
            version.add(rs.getInt(19));
        }

        int size() {
            return ids.size();
        }

        /** The task's engine id, shared with its row (links refer to the same instances). */
        TaskId taskId(long id) {
            if (taskIdById == null) {
                taskIdById = new HashMap<>(ids.size() * 2);
                for (int i = 0; i < ids.size(); i++) {
                    taskIdById.put(ids.get(i), taskIds.get(i));
                }
            }
            TaskId known = taskIdById.get(id);
            return known == null ? TaskId.of(id) : known;
        }

        String name(long id) {
            if (nameById == null) {
                nameById = new HashMap<>();
                for (int i = 0; i < ids.size(); i++) {
                    nameById.put(ids.get(i), names.get(i));
                }
            }
            return nameById.getOrDefault(id, "task " + id);
        }

        List<Task> engineTasks() {
            Map<Long, TaskId> byId = new HashMap<>(ids.size() * 2);
            for (int i = 0; i < ids.size(); i++) {
                byId.put(ids.get(i), taskIds.get(i));
            }
            Set<Long> summaries = new HashSet<>(parents);
            List<Task> tasks = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                ConstraintType type = ConstraintType.valueOf(constraintType.get(i));
                Constraint constraint =
                        type == ConstraintType.AS_SOON_AS_POSSIBLE || type == ConstraintType.AS_LATE_AS_POSSIBLE
                                ? new Constraint(type, null)
                                : constraintDate.get(i) == null
                                        ? Constraint.AS_SOON_AS_POSSIBLE
                                        : new Constraint(type, constraintDate.get(i));
                Progress progress = Progress.NONE;
                if (percent.get(i) > 0 && start.get(i) != null && !summaries.contains(ids.get(i))) {
                    progress = percent.get(i) == 100 && finish.get(i) != null
                            ? Progress.finished(start.get(i), finish.get(i))
                            : Progress.startedOn(start.get(i), percent.get(i));
                }
                Long parent = parents.get(i);
                tasks.add(new Task(
                        taskIds.get(i),
                        parent == null ? null : byId.get(parent),
                        names.get(i),
                        WorkDuration.minutes(milestone.get(i) ? 0 : duration.get(i)),
                        constraint,
                        deadline.get(i),
                        null,
                        milestone.get(i),
                        true,
                        false,
                        null,
                        null,
                        null,
                        null,
                        progress,
                        null,
                        null));
            }
            return tasks;
        }
    }
}
