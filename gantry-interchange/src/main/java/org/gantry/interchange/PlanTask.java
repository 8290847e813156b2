package org.gantry.interchange;

import java.time.LocalDateTime;
import java.util.Objects;
import org.gantry.engine.ConstraintType;
import org.gantry.engine.TaskType;

/**
 * One row of the work breakdown. {@code parentKey} is null for top-level rows and {@code outlineLevel}
 * counts from 1. Start and finish are the dates the source stored; Gantry reschedules after import and the
 * import report compares the two. {@code wbs} is the source's code, or the outline number ("1.2.3") when it
 * had none, as Microsoft Project shows it. {@code workMinutes} is null when the source gave no work;
 * {@code calendarKey} is null when the task follows the project calendar. Percent complete runs 0 to 100.
 * {@code levellingDelay} is the delay resource levelling added (null: none), in elapsed minutes as
 * Microsoft Project keeps it. {@code effortDriven}: people joining or leaving the task share its work (Project's
 * flag; a fixed-work task is effort driven whatever it says).
 */
public record PlanTask(
        String key,
        String parentKey,
        int outlineLevel,
        String wbs,
        String name,
        String notes,
        PlanTaskKind kind,
        boolean manuallyScheduled,
        boolean active,
        TaskType taskType,
        boolean effortDriven,
        PlanDuration duration,
        Long workMinutes,
        LocalDateTime start,
        LocalDateTime finish,
        ConstraintType constraintType,
        LocalDateTime constraintDate,
        LocalDateTime deadline,
        double percentComplete,
        LocalDateTime actualStart,
        LocalDateTime actualFinish,
        int priority,
        String calendarKey,
        PlanDuration levellingDelay) {

    public static final int DEFAULT_PRIORITY = 500;

    public PlanTask {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(taskType, "taskType");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(constraintType, "constraintType");
        name = name == null ? "" : name;
        if (outlineLevel < 1) {
            throw new IllegalArgumentException("outline level starts at 1: " + outlineLevel);
        }
        if (percentComplete < 0 || percentComplete > 100) {
            throw new IllegalArgumentException("percent complete must lie between 0 and 100: " + percentComplete);
        }
    }

    /** A plain task of the given duration, as soon as possible, on the project calendar. */
    public static PlanTask of(String key, String parentKey, int outlineLevel, String name, PlanDuration duration) {
        return new PlanTask(
                key,
                parentKey,
                outlineLevel,
                null,
                name,
                null,
                duration.minutes() == 0 ? PlanTaskKind.MILESTONE : PlanTaskKind.TASK,
                false,
                true,
                TaskType.FIXED_UNITS,
                false,
                duration,
                null,
                null,
                null,
                ConstraintType.AS_SOON_AS_POSSIBLE,
                null,
                null,
                0,
                null,
                null,
                DEFAULT_PRIORITY,
                null,
                null);
    }

    public PlanTask withLevellingDelay(PlanDuration newLevellingDelay) {
        return new PlanTask(
                key,
                parentKey,
                outlineLevel,
                wbs,
                name,
                notes,
                kind,
                manuallyScheduled,
                active,
                taskType,
                effortDriven,
                duration,
                workMinutes,
                start,
                finish,
                constraintType,
                constraintDate,
                deadline,
                percentComplete,
                actualStart,
                actualFinish,
                priority,
                calendarKey,
                newLevellingDelay);
    }

    public PlanTask withKind(PlanTaskKind newKind) {
        return new PlanTask(
                key,
                parentKey,
                outlineLevel,
                wbs,
                name,
                notes,
                newKind,
                manuallyScheduled,
                active,
                taskType,
                effortDriven,
                duration,
                workMinutes,
                start,
                finish,
                constraintType,
                constraintDate,
                deadline,
                percentComplete,
                actualStart,
                actualFinish,
                priority,
                calendarKey,
                levellingDelay);
    }

    public PlanTask withWbs(String newWbs) {
        return new PlanTask(
                key,
                parentKey,
                outlineLevel,
                newWbs,
                name,
                notes,
                kind,
                manuallyScheduled,
                active,
                taskType,
                effortDriven,
                duration,
                workMinutes,
                start,
                finish,
                constraintType,
                constraintDate,
                deadline,
                percentComplete,
                actualStart,
                actualFinish,
                priority,
                calendarKey,
                levellingDelay);
    }

    public PlanTask withDates(LocalDateTime newStart, LocalDateTime newFinish) {
        return new PlanTask(
                key,
                parentKey,
                outlineLevel,
                wbs,
                name,
                notes,
                kind,
                manuallyScheduled,
                active,
                taskType,
                effortDriven,
                duration,
                workMinutes,
                newStart,
                newFinish,
                constraintType,
                constraintDate,
                deadline,
                percentComplete,
                actualStart,
                actualFinish,
                priority,
                calendarKey,
                levellingDelay);
    }
}
