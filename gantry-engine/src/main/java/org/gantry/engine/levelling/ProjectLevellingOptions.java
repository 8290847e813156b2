package org.gantry.engine.levelling;

/**
 * The options of the Microsoft-Project-compatible levelling: the order that decides which task is
 * delayed, and whether a task may only be delayed within its total slack (so the project finish never
 * moves; what does not fit is reported instead).
 */
public record ProjectLevellingOptions(LevellingOrder order, boolean levelWithinSlackOnly) {
    public ProjectLevellingOptions {
        java.util.Objects.requireNonNull(order, "order");
    }

    public static ProjectLevellingOptions standard() {
        return new ProjectLevellingOptions(LevellingOrder.STANDARD, false);
    }
}
