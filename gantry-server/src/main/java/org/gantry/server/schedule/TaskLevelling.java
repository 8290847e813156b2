package org.gantry.server.schedule;

import java.time.LocalDateTime;

/**
 * A task as levelling sees it: its priority on Microsoft Project's scale (0 to 1000, 1000 = never level;
 * the number an import brought while it still falls in the task's priority level, else the middle of the
 * level), its levelling delay (minutes, elapsed or working time; {@code levellingDelay} in words, e.g.
 * "2 edays"), the resources whose work on it starts later than the task because levelling adjusted
 * their assignments, and its dates.
 */
public record TaskLevelling(
        long id,
        String name,
        int priority,
        long levellingDelayMinutes,
        boolean levellingDelayElapsed,
        String levellingDelay,
        java.util.List<AssignmentDelay> assignmentDelays,
        LocalDateTime start,
        LocalDateTime finish,
        int version) {

    /**
     * A resource whose work on the task levelling held back: it starts {@code delayMinutes} of its working
     * time after the task ({@code delay} in words, e.g. "2 days").
     */
    public record AssignmentDelay(long resourceId, String resourceName, long delayMinutes, String delay) {}
}
