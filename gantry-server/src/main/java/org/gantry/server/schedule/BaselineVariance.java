package org.gantry.server.schedule;

import java.time.LocalDateTime;

/**
 * A task's current dates against a baseline. Variances are working minutes on the project calendar,
 * positive when the task is later (or longer) than planned; null when the task was not in the baseline.
 */
record BaselineVariance(
        long id,
        String wbs,
        String name,
        LocalDateTime start,
        LocalDateTime finish,
        long durationMinutes,
        LocalDateTime baselineStart,
        LocalDateTime baselineFinish,
        Long baselineDurationMinutes,
        Long startVarianceMinutes,
        Long finishVarianceMinutes,
        Long durationVarianceMinutes) {}
