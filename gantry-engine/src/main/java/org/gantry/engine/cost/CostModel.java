package org.gantry.engine.cost;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Planned cost, by Microsoft Project's rules (each one reproduced from the costs Project stored in its
 * files):
 *
 * <ul>
 *   <li>A work resource's assignment costs its regular hours at the standard rate plus its overtime hours at
 *       the overtime rate, each slice of work at the rates of the table line in force when the slice starts,
 *       plus the per-use cost of the line in force at the assignment's start <em>times the assignment's
 *       units</em>: at 63 % a per-use cost of 14 adds 8.82, at 200 % it is charged twice.
 *   <li>A material's assignment costs its quantity at the standard rate (per unit), plus the per-use cost
 *       once, whatever the quantity.
 *   <li>A cost resource's assignment costs the amount assigned. A budget resource's costs nothing.
 *   <li>A task costs its assignments plus its fixed cost; a summary task also adds its children's costs,
 *       except those of inactive children (an inactive task keeps its own cost, its summaries ignore it).
 *       Accrual (start, prorated, end) decides when a cost is incurred, never how much it is; the contour
 *       decides when the work is done, so it changes a cost only through rates that change meanwhile.
 * </ul>
 */
public final class CostModel {
    private CostModel() {}

    public static BigDecimal assignmentCost(CostAssignment assignment, CostResource resource) {
        if (resource.budget()) {
            return BigDecimal.ZERO;
        }
        if (resource.kind() == ResourceKind.COST) {
            return assignment.amount();
        }
        CostRateTable table = resource.table(assignment.rateTable());
        if (table == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal cost = BigDecimal.ZERO;
        for (WorkSlice slice : assignment.work()) {
            CostRateEntry rates = table.at(slice.start());
            cost = cost.add(slice.regular().multiply(rates.standardRate()));
            if (resource.kind() == ResourceKind.WORK) {
                cost = cost.add(slice.overtime().multiply(rates.overtimeRate()));
            }
        }
        if (assignment.start() != null) {
            BigDecimal perUse = table.at(assignment.start()).costPerUse();
            cost = cost.add(resource.kind() == ResourceKind.WORK ? perUse.multiply(assignment.units()) : perUse);
        }
        return cost;
    }

    /**
     * How much of a fixed cost has been incurred at a percent complete (0 to 100), as Microsoft Project
     * counts a task's actual fixed cost: all of it once the task has started (START), all of it once it is
     * complete (END), or the same share as the progress (PRORATED).
     */
    public static BigDecimal actualFixedCost(BigDecimal fixedCost, CostAccrual accrual, BigDecimal percentComplete) {
        if (fixedCost == null || percentComplete == null || percentComplete.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        return switch (accrual == null ? CostAccrual.PRORATED : accrual) {
            case START -> fixedCost;
            case END -> percentComplete.compareTo(BigDecimal.valueOf(100)) >= 0 ? fixedCost : BigDecimal.ZERO;
            case PRORATED -> fixedCost.multiply(percentComplete).divide(BigDecimal.valueOf(100));
        };
    }

    /** Every task's cost, in the order given; summaries include their children. */
    public static Map<String, BigDecimal> taskCosts(
            List<CostTask> tasks, List<CostResource> resources, List<CostAssignment> assignments) {
        Map<String, CostResource> byResource = new HashMap<>();
        resources.forEach(resource -> byResource.put(resource.resource(), resource));
        Map<String, BigDecimal> own = new HashMap<>();
        for (CostTask task : tasks) {
            own.put(task.task(), task.fixedCost());
        }
        for (CostAssignment assignment : assignments) {
            CostResource resource = byResource.get(assignment.resource());
            if (resource == null || !own.containsKey(assignment.task())) {
                continue;
            }
            own.merge(assignment.task(), assignmentCost(assignment, resource), BigDecimal::add);
        }
        Map<String, String> parents = new HashMap<>();
        tasks.forEach(task -> parents.put(task.task(), task.parent()));
        Map<String, Boolean> active = new HashMap<>();
        tasks.forEach(task -> active.put(task.task(), task.active()));
        Map<String, BigDecimal> total = new LinkedHashMap<>();
        tasks.forEach(task -> total.put(task.task(), BigDecimal.ZERO));
        for (CostTask task : tasks) {
            BigDecimal cost = own.get(task.task());
            int depth = 0;
            for (String at = task.task(); at != null && total.containsKey(at); at = parents.get(at)) {
                total.merge(at, cost, BigDecimal::add);
                if (!active.get(at)) {
                    break; // an inactive task's cost (and what it holds) stops there
                }
                if (++depth > tasks.size()) {
                    throw new IllegalArgumentException("the work breakdown has a cycle at task " + at);
                }
            }
        }
        return total;
    }
}
