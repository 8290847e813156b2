package org.gantry.engine;

import java.math.BigDecimal;

/**
 * How far a task has moved from a baseline: positive is later, longer, more work, more cost. Date and
 * duration variances are working minutes on the task's calendar, as Microsoft Project measures them.
 */
public record Variance(
        TaskId id,
        long startVarianceMinutes,
        long finishVarianceMinutes,
        long durationVarianceMinutes,
        long workVarianceMinutes,
        BigDecimal costVariance) {}
