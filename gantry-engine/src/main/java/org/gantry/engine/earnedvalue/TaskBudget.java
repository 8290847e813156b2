package org.gantry.engine.earnedvalue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.gantry.engine.cost.CostAccrual;

/**
 * A task as earned value sees it: its place in the work breakdown ({@code parent} null at the top), its
 * baseline dates and budget (the baseline cost), and how far it is (percent complete, 0 to 100). A task that
 * is the parent of another is a summary: its budget is ignored, its figures are the sums of its children's,
 * plus its own fixed cost (as Microsoft Project allows on a summary task): that is planned over the summary's
 * own dates by its accrual and earned by the summary's percent complete. {@code fixedCost} is the part of the
 * budget that is the task's fixed cost: it is planned on the start day (accrual START), the finish day (END)
 * or with the rest (PRORATED).
 */
public record TaskBudget(
        String task,
        String parent,
        LocalDate start,
        LocalDate finish,
        BigDecimal budget,
        BigDecimal percentComplete,
        BigDecimal fixedCost,
        CostAccrual fixedCostAccrual) {

    /** A task whose budget is spread evenly over its working days. */
    public TaskBudget(
            String task,
            String parent,
            LocalDate start,
            LocalDate finish,
            BigDecimal budget,
            BigDecimal percentComplete) {
        this(task, parent, start, finish, budget, percentComplete, BigDecimal.ZERO, CostAccrual.PRORATED);
    }

    public TaskBudget {
        fixedCost = fixedCost == null ? BigDecimal.ZERO : fixedCost;
        fixedCostAccrual = fixedCostAccrual == null ? CostAccrual.PRORATED : fixedCostAccrual;
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(finish, "finish");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(percentComplete, "percentComplete");
        if (finish.isBefore(start)) {
            throw new IllegalArgumentException("task " + task + " finishes before it starts");
        }
        if (percentComplete.signum() < 0 || percentComplete.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("percent complete must lie between 0 and 100: " + percentComplete);
        }
    }
}
