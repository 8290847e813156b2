package org.gantry.engine;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One row of the work breakdown. A task that is another task's {@code parent} is a summary task: its
 * dates roll up from its children, and links to or from it act on its children. {@code calendar} null
 * means the project calendar. A manually scheduled task keeps {@code manualStart}/{@code manualFinish}.
 * An inactive task is left out of the schedule entirely. {@code levelingDelay} is the delay resource
 * levelling added before the task's start; {@code splitTime} the working time the task is interrupted for.
 */
public record Task(
        TaskId id,
        TaskId parent,
        String name,
        WorkDuration duration,
        Constraint constraint,
        LocalDateTime deadline,
        CalendarId calendar,
        boolean milestone,
        boolean active,
        boolean manuallyScheduled,
        LocalDateTime manualStart,
        LocalDateTime manualFinish,
        TaskType type,
        List<Assignment> assignments,
        Progress progress,
        WorkDuration levelingDelay,
        WorkDuration splitTime) {

    public Task {
        Objects.requireNonNull(id, "id");
        name = name == null ? id.value() : name;
        duration = duration == null ? WorkDuration.ZERO : duration;
        constraint = constraint == null ? Constraint.AS_SOON_AS_POSSIBLE : constraint;
        type = type == null ? TaskType.FIXED_UNITS : type;
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
        progress = progress == null ? Progress.NONE : progress;
        levelingDelay = levelingDelay == null ? WorkDuration.ZERO : levelingDelay;
        splitTime = splitTime == null ? WorkDuration.ZERO : splitTime;
    }

    /** An active, automatically scheduled ASAP task on the project calendar. */
    public static Task of(TaskId id, WorkDuration duration) {
        return new Task(
                id, null, null, duration, null, null, null, false, true, false, null, null, null, null, null, null,
                null);
    }

    public static Task of(String id, WorkDuration duration) {
        return of(TaskId.of(id), duration);
    }

    public static Task milestone(TaskId id) {
        return of(id, WorkDuration.ZERO).asMilestone();
    }

    /** A summary row: it has no duration of its own, only children. */
    public static Task summary(TaskId id) {
        return of(id, WorkDuration.ZERO);
    }

    public Task named(String newName) {
        return new Task(
                id,
                parent,
                newName,
                duration,
                constraint,
                deadline,
                calendar,
                milestone,
                active,
                manuallyScheduled,
                manualStart,
                manualFinish,
                type,
                assignments,
                progress,
                levelingDelay,
                splitTime);
    }

    public Task withParent(TaskId newParent) {
        return new Task(
                id,
                newParent,
                name,
                duration,
                constraint,
                deadline,
                calendar,
                milestone,
                active,
                manuallyScheduled,
                manualStart,
                manualFinish,
                type,
                assignments,
                progress,
                levelingDelay,
                splitTime);
    }

    public Task withDuration(WorkDuration newDuration) {
        return new Task(
                id,
                parent,
                name,
                newDuration,
                constraint,
                deadline,
                calendar,
                milestone,
                active,
                manuallyScheduled,
                manualStart,
                manualFinish,
                type,
                assignments,
                progress,
                levelingDelay,
                splitTime);
    }

    public Task withConstraint(Constraint newConstraint) {
        return new Task(
                id,
                parent,
                name,
                duration,
                newConstraint,
                deadline,
                calendar,
                milestone,
                active,
                manuallyScheduled,
                manualStart,
                manualFinish,
                type,
                assignments,
                progress,
                levelingDelay,
                splitTime);
    }

    public Task withConstraint(ConstraintType constraintType, LocalDateTime date) {
        return withConstraint(Constraint.of(constraintType, date));
    }

    public Task withDeadline(LocalDateTime newDeadline) {
        return new Task(
                id,
                parent,
                name,
                duration,
                constraint,
                newDeadline,
                calendar,
                milestone,
                active,
                manuallyScheduled,
                manualStart,
                manualFinish,
                type,
                assignments,
                progress,
                levelingDelay,
                splitTime);
    }

    public Task withCalendar(CalendarId newCalendar) {
        return new Task(
                id,
                parent,
                name,
                duration,
                constraint,
                deadline,
                newCalendar,
                milestone,
                active,
                manuallyScheduled,
                manualStart,
                manualFinish,
                type,
                assignments,
                progress,
                levelingDelay,
                splitTime);
    }

    public Task asMilestone() {
        return new Task(
                id,
                parent,
                name,
                duration,
                constraint,
                deadline,
                calendar,
                true,
                active,
                manuallyScheduled,
                manualStart,
                manualFinish,
                type,
                assignments,
                progress,
                levelingDelay,
                splitTime);
    }

    public Task inactive() {
        return new Task(
                id,
                parent,
                name,
                duration,
                constraint,
                deadline,
                calendar,
                milestone,
                false,
                manuallyScheduled,
                manualStart,
                manualFinish,
                type,
                assignments,
                progress,
                levelingDelay,
                splitTime);
    }

    public Task manuallyScheduled(LocalDateTime start, LocalDateTime finish) {
        return new Task(
                id,
                parent,
                name,
                duration,
                constraint,
                deadline,
                calendar,
                milestone,
                active,
                true,
                start,
                finish,
                type,
                assignments,
                progress,
                levelingDelay,
                splitTime);
    }

    public Task withType(TaskType newType) {
        return new Task(
                id,
                parent,
                name,
                duration,
                constraint,
                deadline,
                calendar,
                milestone,
                active,
                manuallyScheduled,
                manualStart,
                manualFinish,
                newType,
                assignments,
                progress,
                levelingDelay,
                splitTime);
    }

    public Task withAssignments(List<Assignment> newAssignments) {
        return new Task(
                id,
                parent,
                name,
                duration,
                constraint,
                deadline,
                calendar,
                milestone,
                active,
                manuallyScheduled,
                manualStart,
                manualFinish,
                type,
                newAssignments,
                progress,
                levelingDelay,
                splitTime);
    }

    public Task withProgress(Progress newProgress) {
        return new Task(
                id,
                parent,
                name,
                duration,
                constraint,
                deadline,
                calendar,
                milestone,
                active,
                manuallyScheduled,
                manualStart,
                manualFinish,
                type,
                assignments,
                newProgress,
                levelingDelay,
                splitTime);
    }

    /** Delays the task's start by this much after its links and constraints allow it (levelling). */
    public Task withLevelingDelay(WorkDuration delay) {
        return new Task(
                id,
                parent,
                name,
                duration,
                constraint,
                deadline,
                calendar,
                milestone,
                active,
                manuallyScheduled,
                manualStart,
                manualFinish,
                type,
                assignments,
                progress,
                delay,
                splitTime);
    }

    /**
     * A split task stops and resumes: the working time of its interruptions lengthens its span (start to
     * finish) without adding to its duration.
     */
    public Task withSplitTime(WorkDuration interruptions) {
        return new Task(
                id,
                parent,
                name,
                duration,
                constraint,
                deadline,
                calendar,
                milestone,
                active,
                manuallyScheduled,
                manualStart,
                manualFinish,
                type,
                assignments,
                progress,
                levelingDelay,
                interruptions);
    }
}
