package org.gantry.engine.earnedvalue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarnedValueTests {
    // BAC 1,000, PV 400, EV 300, AC 600: behind schedule and over budget.
    private final EarnedValue late = EarnedValue.of("1000", "400", "300", "600");

    @Test
    void variancesAreDifferencesAndIndicesAreRatios() {
        assertThat(late.scheduleVariance()).isEqualByComparingTo("-100");
        assertThat(late.costVariance()).isEqualByComparingTo("-300");
        assertThat(late.schedulePerformanceIndex()).isEqualByComparingTo("0.75");
        assertThat(late.costPerformanceIndex()).isEqualByComparingTo("0.5");
    }

    @Test
    void theThreeEstimatesAtCompletionFollowTheirFormulas() {
        // 1000 / 0.5; 600 + 700; 600 + 700 / (0.5 x 0.75)
        assertThat(late.estimateAtCompletion(EstimateMethod.BUDGET_OVER_COST_PERFORMANCE))
                .isEqualByComparingTo("2000");
        assertThat(late.estimateAtCompletion(EstimateMethod.REMAINING_AT_BUDGETED_RATE))
                .isEqualByComparingTo("1300");
        assertThat(late.estimateAtCompletion(EstimateMethod.REMAINING_AT_COST_AND_SCHEDULE_PERFORMANCE)
                        .setScale(6, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("2466.666667");
        assertThat(late.estimateToComplete(EstimateMethod.BUDGET_OVER_COST_PERFORMANCE))
                .isEqualByComparingTo("1400");
        assertThat(late.varianceAtCompletion(EstimateMethod.REMAINING_AT_BUDGETED_RATE))
                .isEqualByComparingTo("-300");
    }

    @Test
    void toCompletePerformanceIsMeasuredAgainstTheBudgetOrAnEstimate() {
        assertThat(late.toCompletePerformanceIndex()).isEqualByComparingTo("1.75"); // 700 / 400
        assertThat(late.toCompletePerformanceIndex(new BigDecimal("1300"))).isEqualByComparingTo("1"); // 700 / 700
    }

    @Test
    void indicesAreUndefinedBeforeAnythingIsPlannedOrSpent() {
        EarnedValue notStarted = EarnedValue.of("1000", "0", "0", "0");
        assertThat(notStarted.schedulePerformanceIndex()).isNull();
        assertThat(notStarted.costPerformanceIndex()).isNull();
        assertThat(notStarted.estimateAtCompletion(EstimateMethod.BUDGET_OVER_COST_PERFORMANCE))
                .isNull();
        assertThat(notStarted.estimateAtCompletion(EstimateMethod.REMAINING_AT_BUDGETED_RATE))
                .isEqualByComparingTo("1000");
    }

    @Test
    void summariesAddTheirChildren() {
        EarnedValue sum = late.plus(EarnedValue.of("500", "100", "200", "50"));
        assertThat(sum).isEqualTo(EarnedValue.of("1500", "500", "500", "650"));
    }

    @Test
    void earnedScheduleInterpolatesWithinThePeriodTheEarnedValueFallsIn() {
        PlannedValueCurve plan = PlannedValueCurve.of("100", "300", "600", "1000");
        // EV 450 lies between PV_2 = 300 and PV_3 = 600: ES = 2 + 150 / 300
        EarnedSchedule schedule = plan.earnedSchedule(new BigDecimal("450"), new BigDecimal("3"));
        assertThat(schedule.completedPeriods()).isEqualTo(2);
        assertThat(schedule.earnedSchedule()).isEqualByComparingTo("2.5");
        assertThat(schedule.scheduleVariance()).isEqualByComparingTo("-0.5");
        assertThat(schedule.independentEstimateAtCompletion()).isEqualByComparingTo("4.8"); // 4 x 3 / 2.5
    }

    @Test
    void earnedScheduleBeforeTheFirstPeriodIsAShareOfIt() {
        PlannedValueCurve plan = PlannedValueCurve.of("200", "400");
        EarnedSchedule schedule = plan.earnedSchedule(new BigDecimal("50"), BigDecimal.ONE);
        assertThat(schedule.completedPeriods()).isZero();
        assertThat(schedule.earnedSchedule()).isEqualByComparingTo("0.25");
        assertThat(plan.earnedSchedule(BigDecimal.ZERO, BigDecimal.ZERO).schedulePerformanceIndex())
                .isNull();
    }

    @Test
    void aPlateauInThePlanIsSkippedToItsLastPeriod() {
        // Nothing planned in periods 2 and 3: EV 100 means the plan's state at the end of period 3.
        PlannedValueCurve plan = PlannedValueCurve.of("100", "100", "100", "300");
        assertThat(plan.earnedSchedule(new BigDecimal("100"), BigDecimal.TEN).earnedSchedule())
                .isEqualByComparingTo("3");
        assertThat(plan.earnedSchedule(new BigDecimal("200"), BigDecimal.TEN).earnedSchedule())
                .isEqualByComparingTo("3.5");
    }

    @Test
    void aPlanMayNotDecrease() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new PlannedValueCurve(List.of(BigDecimal.TEN, BigDecimal.ONE)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
