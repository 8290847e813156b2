package org.gantry.engine.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostModelTests {
    private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 3, 2, 8, 0);

    @Test
    void workCostsRegularHoursAtTheStandardRateAndOvertimeAtTheOvertimeRate() {
        CostResource ann = CostResource.working("ann", CostRateTable.of(CostRateEntry.always("50", "60", "0")));
        // 71 h x 50 + 9 h x 60
        assertThat(CostModel.assignmentCost(CostAssignment.of("T", "ann", MONDAY, "1", "71", "9"), ann))
                .isEqualByComparingTo("4090");
    }

    @Test
    void aWorkResourcesPerUseCostIsChargedInProportionToItsUnits() {
        CostResource bob = CostResource.working("bob", CostRateTable.of(CostRateEntry.always("18", "25", "14")));
        // 216.72 h x 18 + 14 x 0.63
        assertThat(CostModel.assignmentCost(CostAssignment.of("T", "bob", MONDAY, "0.63", "216.72", "0"), bob))
                .isEqualByComparingTo("3909.78");
        // at 200 % the per-use cost is charged twice: 10 h x 18 + 2 x 14
        assertThat(CostModel.assignmentCost(CostAssignment.of("T", "bob", MONDAY, "2", "10", "0"), bob))
                .isEqualByComparingTo("208");
    }

    @Test
    void aMaterialCostsItsQuantityAtItsUnitPriceAndItsPerUseCostOnce() {
        CostResource concrete = new CostResource(
                "concrete",
                ResourceKind.MATERIAL,
                List.of(CostRateTable.of(CostRateEntry.always("9", "99", "10"))),
                CostAccrual.START,
                false);
        // 10 units x 9 + 10 once (units of 10 do not multiply it; overtime means nothing to a material)
        assertThat(CostModel.assignmentCost(CostAssignment.of("T", "concrete", MONDAY, "10", "10", "3"), concrete))
                .isEqualByComparingTo("100");
    }

    @Test
    void aCostResourceCostsTheAmountAssignedAndABudgetResourceNothing() {
        CostResource travel = new CostResource("travel", ResourceKind.COST, List.of(), CostAccrual.END, false);
        CostAssignment trip = new CostAssignment("T", "travel", 0, null, MONDAY, List.of(), new BigDecimal("90"));
        assertThat(CostModel.assignmentCost(trip, travel)).isEqualByComparingTo("90");

        CostResource budget = new CostResource(
                "budget",
                ResourceKind.WORK,
                List.of(CostRateTable.of(CostRateEntry.always("50", "0", "0"))),
                null,
                true);
        assertThat(CostModel.assignmentCost(CostAssignment.of("T", "budget", MONDAY, "1", "40", "0"), budget))
                .isEqualByComparingTo("0");
    }

    @Test
    void eachSliceOfWorkIsPaidAtTheRateInForceWhenItStartsAndPerUseAtTheAssignmentsStart() {
        LocalDateTime raise = MONDAY.plusDays(2);
        CostResource cat = CostResource.working(
                "cat",
                CostRateTable.of(
                        new CostRateEntry(
                                LocalDateTime.MIN, new BigDecimal("10"), new BigDecimal("15"), new BigDecimal("5")),
                        new CostRateEntry(raise, new BigDecimal("20"), new BigDecimal("30"), new BigDecimal("50"))));
        CostAssignment work = new CostAssignment(
                "T",
                "cat",
                0,
                BigDecimal.ONE,
                MONDAY,
                List.of(
                        new WorkSlice(MONDAY, new BigDecimal("16"), new BigDecimal("2")),
                        new WorkSlice(raise, new BigDecimal("24"), BigDecimal.ZERO)),
                null);
        // 16 x 10 + 2 x 15 + 24 x 20 + per use 5 (the line in force at the start)
        assertThat(CostModel.assignmentCost(work, cat)).isEqualByComparingTo("675");
    }

    @Test
    void anAssignmentUsesTheRateTableItNames() {
        CostResource dan = new CostResource(
                "dan",
                ResourceKind.WORK,
                List.of(
                        CostRateTable.of(CostRateEntry.always("33", "39", "1")),
                        CostRateTable.of(CostRateEntry.always("34", "43", "0"))),
                null,
                false);
        CostAssignment onTableB = new CostAssignment(
                "T",
                "dan",
                1,
                new BigDecimal("0.25"),
                MONDAY,
                List.of(new WorkSlice(MONDAY, new BigDecimal("3"), new BigDecimal("20"))),
                null);
        assertThat(CostModel.assignmentCost(onTableB, dan)).isEqualByComparingTo("962"); // 3 x 34 + 20 x 43
    }

    @Test
    void aTaskCostsItsAssignmentsAndFixedCostAndASummaryAddsItsChildren() {
        CostResource ann = CostResource.working("ann", CostRateTable.of(CostRateEntry.always("10", "0", "0")));
        List<CostTask> tasks = List.of(
                new CostTask("S", null, new BigDecimal("5"), CostAccrual.END),
                new CostTask("A", "S", new BigDecimal("100"), CostAccrual.START),
                new CostTask("B", "S", null, null),
                new CostTask("C", null, null, null));
        List<CostAssignment> assignments = List.of(
                CostAssignment.of("A", "ann", MONDAY, "1", "8", "0"),
                CostAssignment.of("B", "ann", MONDAY, "1", "4", "0"),
                CostAssignment.of("S", "ann", MONDAY, "1", "1", "0"));

        Map<String, BigDecimal> costs = CostModel.taskCosts(tasks, List.of(ann), assignments);

        assertThat(costs.get("A")).isEqualByComparingTo("180");
        assertThat(costs.get("B")).isEqualByComparingTo("40");
        assertThat(costs.get("C")).isEqualByComparingTo("0");
        assertThat(costs.get("S")).isEqualByComparingTo("235"); // 180 + 40 + its own 5 fixed and 10 of work
    }

    @Test
    void anInactiveTaskKeepsItsCostButItsSummaryLeavesItOut() {
        CostResource ann = CostResource.working("ann", CostRateTable.of(CostRateEntry.always("10", "0", "0")));
        List<CostTask> tasks = List.of(
                new CostTask("S", null, null, null),
                new CostTask("A", "S", null, null),
                new CostTask("Dropped", "S", new BigDecimal("7"), null, false));
        List<CostAssignment> assignments = List.of(
                CostAssignment.of("A", "ann", MONDAY, "1", "2", "0"),
                CostAssignment.of("Dropped", "ann", MONDAY, "1", "5", "0"));

        Map<String, BigDecimal> costs = CostModel.taskCosts(tasks, List.of(ann), assignments);

        assertThat(costs.get("Dropped")).isEqualByComparingTo("57");
        assertThat(costs.get("S")).isEqualByComparingTo("20");
    }

    @Test
    void aFixedCostIsIncurredByItsAccrualRule() {
        BigDecimal fixed = new BigDecimal("500");
        assertThat(CostModel.actualFixedCost(fixed, CostAccrual.START, BigDecimal.ZERO))
                .isEqualByComparingTo("0");
        assertThat(CostModel.actualFixedCost(fixed, CostAccrual.START, new BigDecimal("1")))
                .isEqualByComparingTo("500");
        assertThat(CostModel.actualFixedCost(fixed, CostAccrual.END, new BigDecimal("99")))
                .isEqualByComparingTo("0");
        assertThat(CostModel.actualFixedCost(fixed, CostAccrual.END, new BigDecimal("100")))
                .isEqualByComparingTo("500");
        assertThat(CostModel.actualFixedCost(fixed, CostAccrual.PRORATED, new BigDecimal("40")))
                .isEqualByComparingTo("200");
    }
}
