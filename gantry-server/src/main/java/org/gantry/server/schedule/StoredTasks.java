package org.gantry.server.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gantry.engine.Assignment;
import org.gantry.engine.CalendarId;
import org.gantry.engine.Constraint;
import org.gantry.engine.ConstraintType;
import org.gantry.engine.Progress;
import org.gantry.engine.Task;
import org.gantry.engine.TaskId;
import org.gantry.engine.TaskType;
import org.gantry.engine.WorkContour;
import org.gantry.engine.WorkDuration;
import org.gantry.server.schedule.NetworkReader.AssignmentRow;

/**
 * The stored task rows of one project, column by column, as the scheduler reads them. Kept in memory
 * between reschedules ({@link NetworkMemory}): rows written since are replaced or removed by id, and
 * the scheduler writes back into it what it stored.
 */
final class StoredTasks {

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
    final List<Integer> taskType = new ArrayList<>();
    final List<String> calendarKey = new ArrayList<>();
    final List<Boolean> manual = new ArrayList<>();
    final List<Boolean> active = new ArrayList<>();
    final List<LocalDateTime> actualStart = new ArrayList<>();
    final List<LocalDateTime> actualFinish = new ArrayList<>();
    /** Levelling delay in minutes, elapsed (wall-clock) or working time on the task's calendar. */
    final List<Long> levellingDelay = new ArrayList<>();

    final List<Boolean> levellingDelayElapsed = new ArrayList<>();
    private Map<Long, String> nameById;
    private Map<Long, TaskId> taskIdById;

    private Map<Long, Integer> indexById;

    /** Appends a row read with the scheduler's task columns. */
    void add(java.sql.ResultSet rs) throws java.sql.SQLException {
        write(-1, rs);
    }

    /** Takes a row read with the scheduler's task columns: replaces the task's row, or appends a new task. */
    void put(java.sql.ResultSet rs) throws java.sql.SQLException {
        Integer known = index().get(rs.getLong(1));
        write(known == null ? -1 : known, rs);
        if (known == null) {
            forgetLookups();
        }
    }

    /** Drops the rows of these tasks (deleted since the rows were read). */
    void removeAll(Set<Long> gone) {
        List<Integer> keep = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            if (!gone.contains(ids.get(i))) {
                keep.add(i);
            }
        }
        if (keep.size() == ids.size()) {
            return;
        }
        for (List<?> column : columns()) {
            retain(column, keep);
        }
        forgetLookups();
    }

    /** The row's position, or -1 when the task is not among the rows. */
    int indexOf(long id) {
        Integer known = index().get(id);
        return known == null ? -1 : known;
    }

    /** What the scheduler wrote for row {@code i}: its dates, slack and critical flag, its version bumped. */
    void stored(
            int i,
            LocalDateTime newStart,
            LocalDateTime newFinish,
            LocalDateTime newEarlyStart,
            LocalDateTime newEarlyFinish,
            LocalDateTime newLateStart,
            LocalDateTime newLateFinish,
            long newTotalSlack,
            long newFreeSlack,
            boolean newCritical,
            int bump) {
        start.set(i, newStart);
        finish.set(i, newFinish);
        earlyStart.set(i, newEarlyStart);
        earlyFinish.set(i, newEarlyFinish);
        lateStart.set(i, newLateStart);
        lateFinish.set(i, newLateFinish);
        totalSlack.set(i, newTotalSlack);
        freeSlack.set(i, newFreeSlack);
        critical.set(i, newCritical);
        version.set(i, version.get(i) + bump);
    }

    private void write(int i, java.sql.ResultSet rs) throws java.sql.SQLException {
        long id = rs.getLong(1);
        put(ids, i, id);
        put(taskIds, i, TaskId.of(id));
        long parent = rs.getLong(2);
        put(parents, i, rs.wasNull() ? null : parent);
        put(names, i, rs.getString(3));
        put(milestone, i, rs.getBoolean(4));
        put(duration, i, rs.getLong(5));
        put(percent, i, rs.getInt(6));
        put(constraintType, i, rs.getString(7));
        put(constraintDate, i, rs.getObject(8, LocalDateTime.class));
        put(deadline, i, rs.getObject(9, LocalDateTime.class));
        put(start, i, rs.getObject(10, LocalDateTime.class));
        put(finish, i, rs.getObject(11, LocalDateTime.class));
        put(earlyStart, i, rs.getObject(12, LocalDateTime.class));
        put(earlyFinish, i, rs.getObject(13, LocalDateTime.class));
        put(lateStart, i, rs.getObject(14, LocalDateTime.class));
        put(lateFinish, i, rs.getObject(15, LocalDateTime.class));
        put(totalSlack, i, rs.getLong(16));
        put(freeSlack, i, rs.getLong(17));
        put(critical, i, rs.getBoolean(18));
        put(version, i, rs.getInt(19));
        put(taskType, i, rs.getInt(20));
        put(calendarKey, i, rs.getString(21));
        put(manual, i, rs.getBoolean(22));
        put(active, i, rs.getBoolean(23));
        put(actualStart, i, rs.getObject(24, LocalDateTime.class));
        put(actualFinish, i, rs.getObject(25, LocalDateTime.class));
        put(levellingDelay, i, rs.getLong(26));
        put(levellingDelayElapsed, i, rs.getBoolean(27));
        if (i >= 0 && nameById != null) {
            nameById.put(id, names.get(i));
        }
    }

    private static <T> void put(List<T> column, int i, T value) {
        if (i < 0) {
            column.add(value);
        } else {
            column.set(i, value);
        }
    }

    private static <T> void retain(List<T> column, List<Integer> keep) {
        List<T> kept = new ArrayList<>(keep.size());
        for (int i : keep) {
            kept.add(column.get(i));
        }
        column.clear();
        column.addAll(kept);
    }

    private List<List<?>> columns() {
        return List.of(
                ids,
                taskIds,
                parents,
                names,
                milestone,
                duration,
                percent,
                constraintType,
                constraintDate,
                deadline,
                start,
                finish,
                earlyStart,
                earlyFinish,
                lateStart,
                lateFinish,
                totalSlack,
                freeSlack,
                critical,
                version,
                taskType,
                calendarKey,
                manual,
                active,
                actualStart,
                actualFinish,
                levellingDelay,
                levellingDelayElapsed);
    }

    private Map<Long, Integer> index() {
        if (indexById == null) {
            indexById = new HashMap<>(ids.size() * 2);
            for (int i = 0; i < ids.size(); i++) {
                indexById.put(ids.get(i), i);
            }
        }
        return indexById;
    }

    private void forgetLookups() {
        indexById = null;
        nameById = null;
        taskIdById = null;
    }

    /** The first date the project's rows mention (as the import widens its calendars around them). */
    LocalDate earliest(LocalDate projectStart) {
        LocalDate earliest = projectStart;
        for (List<LocalDateTime> column :
                List.of(start, earlyStart, lateStart, constraintDate, actualStart, deadline)) {
            for (LocalDateTime value : column) {
                if (value != null && value.toLocalDate().isBefore(earliest)) {
                    earliest = value.toLocalDate();
                }
            }
        }
        return earliest;
    }

    LocalDate latest(LocalDate projectStart) {
        LocalDate latest = projectStart;
        for (List<LocalDateTime> column :
                List.of(finish, earlyFinish, lateFinish, constraintDate, actualFinish, deadline)) {
            for (LocalDateTime value : column) {
                if (value != null && value.toLocalDate().isAfter(latest)) {
                    latest = value.toLocalDate();
                }
            }
        }
        return latest;
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

    /**
     * The engine's tasks, built as {@code ProjectFileImport} builds them from a file: the task's own
     * calendar, type, manual dates (the stored ones), active flag, recorded progress and assignments.
     */
    List<Task> engineTasks(ProjectCalendar calendar, Map<Long, List<AssignmentRow>> assignments) {
        Map<Long, TaskId> byId = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < ids.size(); i++) {
            byId.put(ids.get(i), taskIds.get(i));
        }
        Set<Long> summaries = new HashSet<>(parents);
        CalendarId projectCalendar = calendar.calendar().id();
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
            if (actualStart.get(i) != null) {
                // Recorded progress, as a file records it: the rest follows from the percentage.
                progress = new Progress(actualStart.get(i), actualFinish.get(i), percent.get(i), null);
            } else if (percent.get(i) > 0 && start.get(i) != null && !summaries.contains(ids.get(i))) {
                // Progress entered in Gantry without actual dates: the task started when it was scheduled.
                progress = percent.get(i) == 100 && finish.get(i) != null
                        ? Progress.finished(start.get(i), finish.get(i))
                        : Progress.startedOn(start.get(i), percent.get(i));
            }
            Long parent = parents.get(i);
            CalendarId taskCalendar = calendar.calendarId(calendarKey.get(i));
            boolean manuallyScheduled = manual.get(i) && start.get(i) != null && finish.get(i) != null;
            long minutes = duration.get(i);
            List<Assignment> engineAssignments = List.of();
            List<AssignmentRow> assigned = assignments.get(ids.get(i));
            if (assigned != null) {
                engineAssignments = new ArrayList<>(assigned.size());
                CalendarId effective = taskCalendar == null ? projectCalendar : taskCalendar;
                for (AssignmentRow row : assigned) {
                    engineAssignments.add(assignment(row, calendar, effective, minutes));
                }
            }
            tasks.add(new Task(
                    taskIds.get(i),
                    parent == null ? null : byId.get(parent),
                    names.get(i),
                    WorkDuration.minutes(minutes),
                    constraint,
                    deadline.get(i),
                    taskCalendar,
                    milestone.get(i),
                    active.get(i),
                    manuallyScheduled,
                    manuallyScheduled ? start.get(i) : null,
                    manuallyScheduled ? finish.get(i) : null,
                    taskType(taskType.get(i)),
                    engineAssignments,
                    progress,
                    levellingDelay(i),
                    null));
        }
        return tasks;
    }

    /** Row {@code i}'s levelling delay as the engine takes it (zero when there is none). */
    WorkDuration levellingDelay(int i) {
        long minutes = levellingDelay.get(i);
        if (minutes <= 0) {
            return WorkDuration.ZERO;
        }
        return levellingDelayElapsed.get(i)
                ? new WorkDuration(minutes, org.gantry.engine.DurationUnit.ELAPSED_MINUTES)
                : WorkDuration.minutes(minutes);
    }

    /**
     * An assignment on its resource's calendar (the task's when the resource has none), as the import
     * makes it: a hand-edited contour has no shape to compute with, so its pace is its work spread over
     * the task's duration.
     */
    private static Assignment assignment(
            AssignmentRow row, ProjectCalendar calendar, CalendarId taskCalendar, long durationMinutes) {
        CalendarId resourceCalendar = calendar.calendarId(row.calendarKey());
        double units = row.units() / 100.0;
        WorkContour contour = contour(row.contour());
        if (contour == WorkContour.CONTOURED) {
            if (durationMinutes > 0 && row.workMinutes() > 0) {
                units = row.workMinutes() / (double) durationMinutes;
            }
            contour = WorkContour.FLAT;
        }
        // A stored remaining work of zero with nothing done means none was recorded: all of it remains.
        WorkDuration remaining = row.remainingWorkMinutes() == 0 && row.actualWorkMinutes() == 0
                ? null
                : WorkDuration.minutes(row.remainingWorkMinutes());
        return new Assignment(
                String.valueOf(row.resourceId()),
                resourceCalendar == null ? taskCalendar : resourceCalendar,
                units,
                WorkDuration.minutes(row.workMinutes()),
                remaining,
                null,
                null,
                // Levelling that adjusts individual assignments starts this resource's work later than the
                // task: working minutes on its own calendar, as the engine counts an assignment's delay.
                row.levellingDelayMinutes() > 0 ? WorkDuration.minutes(row.levellingDelayMinutes()) : null,
                contour);
    }

    private static WorkContour contour(String name) {
        if (name == null) {
            return WorkContour.FLAT;
        }
        try {
            return WorkContour.valueOf(name);
        } catch (IllegalArgumentException e) {
            return WorkContour.FLAT;
        }
    }

    /** The task query's code: 1 fixed duration, 2 fixed work, 0 fixed units. */
    private static TaskType taskType(int code) {
        return switch (code) {
            case 1 -> TaskType.FIXED_DURATION;
            case 2 -> TaskType.FIXED_WORK;
            default -> TaskType.FIXED_UNITS;
        };
    }
}
