package org.gantry.server.schedule;

import java.time.LocalDateTime;

/**
 * A task as levelling sees it: its priority on Microsoft Project's scale (0 to 1000, 1000 = never level;
 * the number an import brought while it still falls in the task's priority level, else the middle of the
 * level), its levelling delay (minutes, elapsed or working time; {@code levellingDelay} in words, e.g.
 * "2 edays") and its dates.
 */
public record TaskLevelling(
        long id,
        String name,
        int priority,
        long levellingDelayMinutes,
        boolean levellingDelayElapsed,
        String levellingDelay,
        LocalDateTime start,
        LocalDateTime finish,
        int version) {}
