package org.gantry.server.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A Monte Carlo run of the project's plan. All optional: iterations (100 to 100,000; 10,000), seed (1; equal
 * seeds give equal answers), distribution for tasks without an estimate (TRIANGULAR, PERT, UNIFORM or
 * LOGNORMAL; TRIANGULAR) with optimisticPercent and pessimisticPercent of their duration (90 and 130; 100
 * and 100 is no spread), deadline (a date: the chance of finishing on it or before), includeRisks (true:
 * the open risks' quantified delays), three-point estimates of tasks in working days, and groups of tasks
 * whose durations move together (coefficient 0 to 1; a task in one group at most).
 */
public record ScheduleRiskRequest(
        Integer iterations,
        Long seed,
        String distribution,
        BigDecimal optimisticPercent,
        BigDecimal pessimisticPercent,
        LocalDate deadline,
        Boolean includeRisks,
        List<Estimate> estimates,
        List<Correlation> correlations) {

    /** Tasks whose durations are correlated (the same team, supplier or technology). */
    public record Correlation(List<Long> taskIds, BigDecimal coefficient) {}

    /** Optimistic, most likely and pessimistic working days of one task, and its distribution (default's). */
    public record Estimate(
            Long taskId,
            BigDecimal optimisticDays,
            BigDecimal mostLikelyDays,
            BigDecimal pessimisticDays,
            String distribution) {}
}
