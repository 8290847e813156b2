package org.gantry.engine.earnedvalue;

import java.math.BigDecimal;
import java.util.List;

/**
 * A time-phased planned value: the cumulative planned value at the end of each period (period 1 first),
 * non-decreasing, its last value the budget at completion. Before period 1 the plan is at zero, after the
 * last period it stays at the budget. Periods are whatever the plan was cut into (days, weeks, months).
 */
public record PlannedValueCurve(List<BigDecimal> cumulative) {

    public PlannedValueCurve {
        cumulative = List.copyOf(cumulative);
        if (cumulative.isEmpty()) {
            throw new IllegalArgumentException("a planned value curve needs at least one period");
        }
        BigDecimal previous = BigDecimal.ZERO;
        for (BigDecimal value : cumulative) {
            if (value.compareTo(previous) < 0) {
                throw new IllegalArgumentException("cumulative planned value decreases: " + cumulative);
            }
            previous = value;
        }
    }

    public static PlannedValueCurve of(String... cumulative) {
        return new PlannedValueCurve(
                List.of(cumulative).stream().map(BigDecimal::new).toList());
    }

    /** A plan given as cumulative shares of the budget (0.1, 0.2, 0.4... or percentages over 100). */
    public static PlannedValueCurve ofShares(BigDecimal budgetAtCompletion, List<BigDecimal> cumulativeShares) {
        return new PlannedValueCurve(cumulativeShares.stream()
                .map(share -> budgetAtCompletion.multiply(share))
                .toList());
    }

    public int plannedDuration() {
        return cumulative.size();
    }

    public BigDecimal budgetAtCompletion() {
        return cumulative.get(cumulative.size() - 1);
    }

    /** PV at the end of the given period: zero before the first, the budget after the last. */
    public BigDecimal plannedValueAt(int period) {
        if (period <= 0) {
            return BigDecimal.ZERO;
        }
        return cumulative.get(Math.min(period, cumulative.size()) - 1);
    }

    /**
     * ES = C + (EV - PV_C) / (PV_C+1 - PV_C), with C the last period whose PV does not exceed EV (0 before the
     * first period). PV_C+1 is then above EV, so the fraction lies in [0, 1). When EV reaches the budget, ES is
     * the planned duration.
     */
    public EarnedSchedule earnedSchedule(BigDecimal earnedValue, BigDecimal actualTime) {
        int periods = cumulative.size();
        int completed = 0;
        while (completed < periods && cumulative.get(completed).compareTo(earnedValue) <= 0) {
            completed++;
        }
        BigDecimal earnedSchedule;
        if (completed == periods) {
            earnedSchedule = BigDecimal.valueOf(periods);
        } else {
            BigDecimal atCompleted = plannedValueAt(completed);
            BigDecimal next = cumulative.get(completed);
            earnedSchedule = BigDecimal.valueOf(completed)
                    .add(earnedValue.subtract(atCompleted).divide(next.subtract(atCompleted), EarnedValue.PRECISION));
        }
        return new EarnedSchedule(completed, earnedSchedule, actualTime, BigDecimal.valueOf(periods));
    }
}
