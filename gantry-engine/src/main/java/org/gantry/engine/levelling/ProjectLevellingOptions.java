package org.gantry.engine.levelling;

/**
 * The options of the Microsoft-Project-compatible levelling: the order that decides which task is
 * delayed, whether a task may only be delayed within its total slack (so the project finish never
 * moves; what does not fit is reported instead), and whether levelling may adjust individual
 * assignments (Project's "Leveling can adjust individual assignments on a task"): delay only the
 * assignment of the resource that is over-allocated and let the task's other resources start on time,
 * instead of delaying the whole task.
 */
public record ProjectLevellingOptions(
        LevellingOrder order, boolean levelWithinSlackOnly, boolean adjustIndividualAssignments) {
    public ProjectLevellingOptions {
        java.util.Objects.requireNonNull(order, "order");
    }

    /** Whole tasks only, as Project levels with that option off. */
    public ProjectLevellingOptions(LevellingOrder order, boolean levelWithinSlackOnly) {
        this(order, levelWithinSlackOnly, false);
    }

    public static ProjectLevellingOptions standard() {
        return new ProjectLevellingOptions(LevellingOrder.STANDARD, false);
    }
}
