package org.gantry.server.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Earned value of a project at a status date against a baseline, as the API shows it. Money is in the
 * project's currency rounded to cents, indices to four decimals; an index is null while its divisor is zero.
 * The earned schedule counts calendar days from the baseline start. {@code budgets} sets each budget (the
 * project's first) beside the figures of what it covers.
 */
public record EarnedValueView(
        String project,
        String currency,
        LocalDate statusDate,
        int baseline,
        String by,
        Figures total,
        Schedule earnedSchedule,
        List<TaskFigures> tasks,
        List<Point> curve,
        List<BudgetFigures> budgets) {

    /** PV, EV, AC and what follows from them; EAC by the three formulas, ETC and VAC by BAC / CPI. */
    public record Figures(
            BigDecimal budgetAtCompletion,
            BigDecimal plannedValue,
            BigDecimal earnedValue,
            BigDecimal actualCost,
            BigDecimal scheduleVariance,
            BigDecimal costVariance,
            BigDecimal schedulePerformanceIndex,
            BigDecimal costPerformanceIndex,
            BigDecimal estimateAtCompletion,
            BigDecimal estimateAtCompletionAtBudgetedRate,
            BigDecimal estimateAtCompletionWithSchedule,
            BigDecimal estimateToComplete,
            BigDecimal varianceAtCompletion,
            BigDecimal toCompletePerformanceIndex) {}

    /** Lipke's earned schedule in days, with the finish it forecasts. */
    public record Schedule(
            LocalDate baselineStart,
            LocalDate baselineFinish,
            BigDecimal plannedDuration,
            BigDecimal actualTime,
            BigDecimal earnedSchedule,
            BigDecimal scheduleVariance,
            BigDecimal schedulePerformanceIndex,
            BigDecimal independentEstimateAtCompletion,
            LocalDate forecastFinish) {}

    public record TaskFigures(long taskId, String wbs, String name, Figures figures) {}

    /** A point of the S-curve; actual cost after the status date and earned value outside its period are null. */
    public record Point(LocalDate periodEnd, BigDecimal plannedValue, BigDecimal actualCost, BigDecimal earnedValue) {}

    /**
     * A budget beside the baseline's BAC and the actual cost of what it covers: remaining = budget - AC; the
     * forecast is the EAC (BAC / CPI, or AC + BAC - EV while nothing is spent or earned yet); over budget when the
     * forecast exceeds the budget. BAC, AC and the forecast are null for a task outside the baseline.
     */
    public record BudgetFigures(
            long budgetId,
            Long taskId,
            String wbs,
            String name,
            BigDecimal budget,
            BigDecimal budgetAtCompletion,
            BigDecimal actualCost,
            BigDecimal remaining,
            BigDecimal forecast,
            boolean overBudget,
            int version) {}
}
