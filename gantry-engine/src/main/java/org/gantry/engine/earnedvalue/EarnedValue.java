package org.gantry.engine.earnedvalue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * The earned value of a project, summary task or task at one status date: budget at completion (BAC),
 * planned value (PV, BCWS), earned value (EV, BCWP) and actual cost (AC, ACWP), and what follows from them.
 *
 * <p>Sums and differences are exact. A quotient is computed with 34 significant digits from the four
 * amounts directly (EAC = BAC x AC / EV, not BAC divided by a rounded CPI), so rounding a result to the
 * precision a source prints gives the printed figure. A quotient whose divisor is zero is undefined and
 * returned as null (no SPI before anything was planned, no CPI before anything was spent).
 */
public record EarnedValue(
        BigDecimal budgetAtCompletion, BigDecimal plannedValue, BigDecimal earnedValue, BigDecimal actualCost) {

    static final MathContext PRECISION = MathContext.DECIMAL128;

    public EarnedValue {
        Objects.requireNonNull(budgetAtCompletion, "budgetAtCompletion");
        Objects.requireNonNull(plannedValue, "plannedValue");
        Objects.requireNonNull(earnedValue, "earnedValue");
        Objects.requireNonNull(actualCost, "actualCost");
    }

    public static EarnedValue of(
            String budgetAtCompletion, String plannedValue, String earnedValue, String actualCost) {
        return new EarnedValue(
                new BigDecimal(budgetAtCompletion),
                new BigDecimal(plannedValue),
                new BigDecimal(earnedValue),
                new BigDecimal(actualCost));
    }

    public static EarnedValue zero() {
        return new EarnedValue(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** The sum of two, as a summary task has the sum of its children. */
    public EarnedValue plus(EarnedValue other) {
        return new EarnedValue(
                budgetAtCompletion.add(other.budgetAtCompletion),
                plannedValue.add(other.plannedValue),
                earnedValue.add(other.earnedValue),
                actualCost.add(other.actualCost));
    }

    /** SV = EV - PV; negative is behind schedule. */
    public BigDecimal scheduleVariance() {
        return earnedValue.subtract(plannedValue);
    }

    /** CV = EV - AC; negative is over budget. */
    public BigDecimal costVariance() {
        return earnedValue.subtract(actualCost);
    }

    /** SPI = EV / PV; null while PV is zero. */
    public BigDecimal schedulePerformanceIndex() {
        return divide(earnedValue, plannedValue);
    }

    /** CPI = EV / AC; null while AC is zero. */
    public BigDecimal costPerformanceIndex() {
        return divide(earnedValue, actualCost);
    }

    /** EAC by the given formula; null when the formula's index is undefined. */
    public BigDecimal estimateAtCompletion(EstimateMethod method) {
        BigDecimal remainingBudget = budgetAtCompletion.subtract(earnedValue);
        return switch (method) {
            // BAC / CPI = BAC x AC / EV
            case BUDGET_OVER_COST_PERFORMANCE -> divide(budgetAtCompletion.multiply(actualCost), earnedValue);
            case REMAINING_AT_BUDGETED_RATE -> actualCost.add(remainingBudget);
            // (BAC - EV) / (CPI x SPI) = (BAC - EV) x AC x PV / EV^2
            case REMAINING_AT_COST_AND_SCHEDULE_PERFORMANCE -> {
                if (actualCost.signum() == 0 || plannedValue.signum() == 0) {
                    yield null;
                }
                BigDecimal remaining =
                        divide(remainingBudget.multiply(actualCost).multiply(plannedValue), earnedValue.pow(2));
                yield remaining == null ? null : actualCost.add(remaining);
            }
        };
    }

    /** ETC = EAC - AC. */
    public BigDecimal estimateToComplete(EstimateMethod method) {
        BigDecimal estimate = estimateAtCompletion(method);
        return estimate == null ? null : estimate.subtract(actualCost);
    }

    /** VAC = BAC - EAC; negative is a forecast overrun. */
    public BigDecimal varianceAtCompletion(EstimateMethod method) {
        BigDecimal estimate = estimateAtCompletion(method);
        return estimate == null ? null : budgetAtCompletion.subtract(estimate);
    }

    /** TCPI against the budget: (BAC - EV) / (BAC - AC), the efficiency the rest must reach to end on budget. */
    public BigDecimal toCompletePerformanceIndex() {
        return divide(budgetAtCompletion.subtract(earnedValue), budgetAtCompletion.subtract(actualCost));
    }

    /** TCPI against an estimate: (BAC - EV) / (EAC - AC), the efficiency the rest must reach to end at it. */
    public BigDecimal toCompletePerformanceIndex(BigDecimal estimateAtCompletion) {
        return divide(budgetAtCompletion.subtract(earnedValue), estimateAtCompletion.subtract(actualCost));
    }

    /**
     * The classic duration forecast PD / SPI (= PD x PV / EV), in the unit of the planned duration. Earned
     * schedule's {@link EarnedSchedule#independentEstimateAtCompletion()} is the better one late in a project.
     */
    public BigDecimal forecastDuration(BigDecimal plannedDuration) {
        return divide(plannedDuration.multiply(plannedValue), earnedValue);
    }

    static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return divisor.signum() == 0 ? null : dividend.divide(divisor, PRECISION);
    }
}
