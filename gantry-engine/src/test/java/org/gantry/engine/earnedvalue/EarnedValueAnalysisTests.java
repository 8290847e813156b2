package org.gantry.engine.earnedvalue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarnedValueAnalysisTests {
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    // S (summary) holds A (Mon-Fri of week 1, 1,000, 50 %) and B (Mon-Fri of week 2, 500, 0 %); C (Mon-Tue,
    // 300, done) is on its own. Status date: Wednesday of week 1.
    private final List<TaskBudget> tasks = List.of(
            task("S", null, 0, 4, "0", "0"),
            task("A", "S", 0, 4, "1000", "50"),
            task("B", "S", 7, 11, "500", "0"),
            task("C", null, 0, 1, "300", "100"));
    // 50 an hour until Tuesday, 60 from Wednesday.
    private final List<CostRate> rates = List.of(
            new CostRate("pat", LocalDate.of(2026, 1, 1), new BigDecimal("50")),
            new CostRate("pat", MONDAY.plusDays(2), new BigDecimal("60")));
    private final List<TimeEntry> entries = List.of(
            entry("A", 0, "8"), // 400
            entry("A", 2, "4"), // 240 at the new rate
            entry("A", 3, "8"), // after the status date: not counted
            entry("C", 1, "2")); // 100

    private EarnedValueReport report(ReportingPeriod period) {
        return EarnedValueAnalysis.analyse(
                tasks, rates, entries, WorkingDays.mondayToFriday(), MONDAY.plusDays(2), period);
    }

    @Test
    void plannedValueIsTheBudgetSpreadOverWorkingDaysUpToTheStatusDate() {
        EarnedValueReport report = report(ReportingPeriod.WEEK);
        assertThat(report.tasks().get("A").plannedValue()).isEqualByComparingTo("600"); // 3 of 5 days
        assertThat(report.tasks().get("B").plannedValue()).isEqualByComparingTo("0");
        assertThat(report.tasks().get("C").plannedValue()).isEqualByComparingTo("300");
        assertThat(report.project().plannedValue()).isEqualByComparingTo("900");
    }

    @Test
    void earnedValueIsPercentCompleteOfTheBudgetAndActualCostUsesTheRateOfTheDay() {
        EarnedValueReport report = report(ReportingPeriod.WEEK);
        assertThat(report.tasks().get("A").earnedValue()).isEqualByComparingTo("500");
        assertThat(report.tasks().get("A").actualCost()).isEqualByComparingTo("640");
        assertThat(report.tasks().get("C").actualCost()).isEqualByComparingTo("100");
        assertThat(report.project())
                .isEqualTo(new EarnedValue(
                        new BigDecimal("1800"),
                        report.project().plannedValue(),
                        report.project().earnedValue(),
                        report.project().actualCost()));
        assertThat(report.project().earnedValue()).isEqualByComparingTo("800");
        assertThat(report.project().actualCost()).isEqualByComparingTo("740");
    }

    @Test
    void aSummaryTaskIsTheSumOfItsChildren() {
        EarnedValue summary = report(ReportingPeriod.WEEK).tasks().get("S");
        assertThat(summary.budgetAtCompletion()).isEqualByComparingTo("1500");
        assertThat(summary.plannedValue()).isEqualByComparingTo("600");
        assertThat(summary.earnedValue()).isEqualByComparingTo("500");
        assertThat(summary.actualCost()).isEqualByComparingTo("640");
    }

    @Test
    void earnedScheduleIsCountedInDaysOnTheDailyPlan() {
        // Cumulative PV by day: 350, 700, 900, 1100, 1300, 1300, 1300, 1400 ... 1800 (day 12).
        // EV 800: C = 2, ES = 2 + 100 / 200 = 2.5; AT = 3; IEAC(t) = 12 x 3 / 2.5 = 14.4 days.
        EarnedValueReport report = report(ReportingPeriod.WEEK);
        assertThat(report.earnedSchedule().plannedDuration()).isEqualByComparingTo("12");
        assertThat(report.earnedSchedule().completedPeriods()).isEqualTo(2);
        assertThat(report.earnedSchedule().earnedSchedule()).isEqualByComparingTo("2.5");
        assertThat(report.earnedSchedule().scheduleVariance()).isEqualByComparingTo("-0.5");
        assertThat(report.earnedSchedule().independentEstimateAtCompletion()).isEqualByComparingTo("14.4");
        assertThat(report.forecastFinish()).isEqualTo(MONDAY.plusDays(14));
        assertThat(report.baselineFinish()).isEqualTo(MONDAY.plusDays(11));
    }

    @Test
    void theWeeklyCurveHasActualsUpToTheStatusDateAndEarnedValueInItsWeek() {
        List<EarnedValuePoint> curve = report(ReportingPeriod.WEEK).curve();
        assertThat(curve).hasSize(2);
        assertThat(curve.get(0).periodEnd()).isEqualTo(MONDAY.plusDays(6));
        assertThat(curve.get(0).plannedValue()).isEqualByComparingTo("1300");
        assertThat(curve.get(0).actualCost()).isEqualByComparingTo("740");
        assertThat(curve.get(0).earnedValue()).isEqualByComparingTo("800");
        assertThat(curve.get(1).plannedValue()).isEqualByComparingTo("1800");
        assertThat(curve.get(1).actualCost()).isNull();
        assertThat(curve.get(1).earnedValue()).isNull();
    }

    @Test
    void aDailyCurveEndsOnTheBaselineFinish() {
        List<EarnedValuePoint> curve = report(ReportingPeriod.DAY).curve();
        assertThat(curve).hasSize(12);
        assertThat(curve.get(1).plannedValue()).isEqualByComparingTo("700");
        assertThat(curve.get(1).actualCost()).isEqualByComparingTo("500");
        assertThat(curve.get(2).earnedValue()).isEqualByComparingTo("800");
        assertThat(curve.get(1).earnedValue()).isNull();
    }

    @Test
    void aBudgetThatDoesNotDivideEvenlyStillAddsUpToItself() {
        EarnedValueReport report = EarnedValueAnalysis.analyse(
                List.of(task("X", null, 0, 2, "100", "0")),
                List.of(),
                List.of(),
                WorkingDays.mondayToFriday(),
                MONDAY.plusDays(2),
                ReportingPeriod.DAY);
        assertThat(report.project().plannedValue()).isEqualByComparingTo("100");
        assertThat(report.curve().get(0).plannedValue()).isEqualByComparingTo("33.3333333333");
    }

    @Test
    void beforeTheBaselineStartsNothingIsPlannedAndNoFinishIsForecast() {
        EarnedValueReport report = EarnedValueAnalysis.analyse(
                tasks, rates, entries, WorkingDays.mondayToFriday(), MONDAY.minusDays(3), ReportingPeriod.WEEK);
        assertThat(report.project().plannedValue()).isEqualByComparingTo("0");
        assertThat(report.earnedSchedule().actualTime()).isEqualByComparingTo("0");
        assertThat(report.earnedSchedule().schedulePerformanceIndex()).isNull();
        assertThat(report.forecastFinish()).isNull();
        assertThat(report.curve().get(0).actualCost()).isNull();
    }

    @Test
    void aNegativeBudgetLeavesEarnedScheduleOutInsteadOfFailing() {
        EarnedValueReport report = EarnedValueAnalysis.analyse(
                List.of(task("X", null, 0, 1, "100", "50"), task("Credit", null, 2, 2, "-300", "0")),
                List.of(),
                List.of(),
                WorkingDays.mondayToFriday(),
                MONDAY.plusDays(3),
                ReportingPeriod.DAY);
        assertThat(report.project().budgetAtCompletion()).isEqualByComparingTo("-200");
        assertThat(report.earnedSchedule()).isNull();
        assertThat(report.forecastFinish()).isNull();
    }

    @Test
    void aFixedCostAccruedAtTheStartOrTheEndIsPlannedOnThatDayAndTheRestIsSpread() {
        // F: Mon-Fri, budget 1,500 of which 1,000 is a fixed cost; G the same with it at the end.
        List<TaskBudget> fixed = List.of(
                new TaskBudget(
                        "F",
                        null,
                        MONDAY,
                        MONDAY.plusDays(4),
                        new BigDecimal("1500"),
                        BigDecimal.ZERO,
                        new BigDecimal("1000"),
                        org.gantry.engine.cost.CostAccrual.START),
                new TaskBudget(
                        "G",
                        null,
                        MONDAY,
                        MONDAY.plusDays(4),
                        new BigDecimal("1500"),
                        BigDecimal.ZERO,
                        new BigDecimal("1000"),
                        org.gantry.engine.cost.CostAccrual.END));
        EarnedValueReport wednesday = EarnedValueAnalysis.analyse(
                fixed, List.of(), List.of(), WorkingDays.mondayToFriday(), MONDAY.plusDays(2), ReportingPeriod.DAY);
        assertThat(wednesday.tasks().get("F").plannedValue()).isEqualByComparingTo("1300"); // 1,000 + 3 x 100
        assertThat(wednesday.tasks().get("G").plannedValue()).isEqualByComparingTo("300");
        EarnedValueReport friday = EarnedValueAnalysis.analyse(
                fixed, List.of(), List.of(), WorkingDays.mondayToFriday(), MONDAY.plusDays(4), ReportingPeriod.DAY);
        assertThat(friday.tasks().get("G").plannedValue()).isEqualByComparingTo("1500");
    }

    @Test
    void aSummaryTasksOwnFixedCostIsItsOwnBudgetPlannedOverItsDatesAndEarnedByItsProgress() {
        // P (summary, Mon of week 1 to Fri of week 2, 40 % complete) has its own fixed cost of 800, prorated over
        // its ten working days, and holds A (week 1, 1,000, 50 %). Status date: Wednesday of week 1.
        List<TaskBudget> plan = List.of(
                new TaskBudget(
                        "P",
                        null,
                        MONDAY,
                        MONDAY.plusDays(11),
                        new BigDecimal("1800"),
                        new BigDecimal("40"),
                        new BigDecimal("800"),
                        org.gantry.engine.cost.CostAccrual.PRORATED),
                task("A", "P", 0, 4, "1000", "50"),
                task("B", "P", 7, 11, "0", "0"));
        EarnedValueReport report = EarnedValueAnalysis.analyse(
                plan, List.of(), List.of(), WorkingDays.mondayToFriday(), MONDAY.plusDays(2), ReportingPeriod.DAY);
        EarnedValue summary = report.tasks().get("P");
        assertThat(summary.budgetAtCompletion()).isEqualByComparingTo("1800"); // 1,000 + 800
        assertThat(summary.plannedValue()).isEqualByComparingTo("840"); // A: 3 x 200; P: 3 of 10 days of 800 = 240
        assertThat(summary.earnedValue()).isEqualByComparingTo("820"); // 50 % of 1,000 + 40 % of 800
        assertThat(report.project().budgetAtCompletion()).isEqualByComparingTo("1800");
        assertThat(report.tasks().get("A").budgetAtCompletion()).isEqualByComparingTo("1000");
        // Accrued at the start: all 800 planned on the summary's first day.
        List<TaskBudget> atStart = List.of(
                new TaskBudget(
                        "P",
                        null,
                        MONDAY,
                        MONDAY.plusDays(11),
                        new BigDecimal("1800"),
                        BigDecimal.ZERO,
                        new BigDecimal("800"),
                        org.gantry.engine.cost.CostAccrual.START),
                task("A", "P", 0, 4, "1000", "0"),
                task("B", "P", 7, 11, "0", "0"));
        EarnedValueReport monday = EarnedValueAnalysis.analyse(
                atStart, List.of(), List.of(), WorkingDays.mondayToFriday(), MONDAY, ReportingPeriod.DAY);
        assertThat(monday.project().plannedValue()).isEqualByComparingTo("1000"); // 800 + 200
    }

    @Test
    void otherCostsCountInActualCostFromTheirDayOnAndWithoutATaskOnlyForTheProject() {
        List<DatedCost> costs = List.of(
                new DatedCost("A", MONDAY.plusDays(1), new BigDecimal("70")),
                new DatedCost(null, MONDAY.plusDays(2), new BigDecimal("30")),
                new DatedCost("A", MONDAY.plusDays(3), new BigDecimal("1000")));
        EarnedValueReport report = EarnedValueAnalysis.analyse(
                tasks, rates, entries, costs, WorkingDays.mondayToFriday(), MONDAY.plusDays(2), ReportingPeriod.WEEK);
        assertThat(report.tasks().get("A").actualCost()).isEqualByComparingTo("710"); // 640 + 70
        assertThat(report.tasks().get("S").actualCost()).isEqualByComparingTo("710");
        assertThat(report.project().actualCost()).isEqualByComparingTo("840"); // 740 + 70 + 30
        assertThat(report.curve().get(0).actualCost()).isEqualByComparingTo("840");
    }

    private static TaskBudget task(String id, String parent, int fromDay, int toDay, String budget, String percent) {
        return new TaskBudget(
                id,
                parent,
                MONDAY.plusDays(fromDay),
                MONDAY.plusDays(toDay),
                new BigDecimal(budget),
                new BigDecimal(percent));
    }

    private static TimeEntry entry(String task, int day, String hours) {
        return new TimeEntry("pat", task, MONDAY.plusDays(day), new BigDecimal(hours));
    }
}
