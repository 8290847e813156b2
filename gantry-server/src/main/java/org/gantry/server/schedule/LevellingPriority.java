package org.gantry.server.schedule;

/** A task's priority on Microsoft Project's scale (0 to 1000) beside Gantry's priority levels. */
final class LevellingPriority {

    private LevellingPriority() {}

    /**
     * The priority on Project's scale: the imported (or set) number while it falls in the task's level, so a
     * level changed in Gantry wins; otherwise the middle of the level (as the export writes it).
     */
    static int priority(String level, Integer number) {
        if (number != null && level(number).equals(level)) {
            return number;
        }
        return switch (level == null ? "NORMAL" : level) {
            case "LOW" -> 300;
            case "HIGH" -> 700;
            case "CRITICAL" -> 900;
            default -> 500;
        };
    }

    /** Gantry's priority level for a number on Project's scale (as the import maps it). */
    static String level(int number) {
        if (number < 400) {
            return "LOW";
        }
        if (number < 600) {
            return "NORMAL";
        }
        return number < 800 ? "HIGH" : "CRITICAL";
    }
}
