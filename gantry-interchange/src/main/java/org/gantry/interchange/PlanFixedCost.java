package org.gantry.interchange;

import java.math.BigDecimal;
import java.util.Objects;
import org.gantry.engine.cost.CostAccrual;

/** A task's fixed cost (more than zero, in the plan's currency) and when it is incurred. */
public record PlanFixedCost(String taskKey, BigDecimal amount, CostAccrual accrual) {
    public PlanFixedCost {
        Objects.requireNonNull(taskKey, "taskKey");
        Objects.requireNonNull(amount, "amount");
        accrual = accrual == null ? CostAccrual.PRORATED : accrual;
    }
}
