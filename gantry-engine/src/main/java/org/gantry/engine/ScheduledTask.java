package org.gantry.engine;

import java.time.LocalDateTime;

/**
 * The scheduler's result for one task. Slack is in working minutes of the task's calendar (negative when
 * constraints or deadlines cannot be met). Dates are null for an inactive task or an empty summary.
 */
public record ScheduledTask(
        TaskId id,
        boolean summary,
        LocalDateTime start,
        LocalDateTime finish,
        LocalDateTime earlyStart,
        LocalDateTime earlyFinish,
        LocalDateTime lateStart,
        LocalDateTime lateFinish,
        long totalSlackMinutes,
        long freeSlackMinutes,
        long startSlackMinutes,
        long finishSlackMinutes,
        boolean critical) {}
