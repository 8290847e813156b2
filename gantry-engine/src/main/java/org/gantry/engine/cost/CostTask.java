package org.gantry.engine.cost;

import java.math.BigDecimal;
import java.util.Objects;

/** A task's place in the work breakdown ({@code parent} null at the top) and its fixed cost. */
public record CostTask(String task, String parent, BigDecimal fixedCost, CostAccrual fixedCostAccrual) {
    public CostTask {
        Objects.requireNonNull(task, "task");
        fixedCost = fixedCost == null ? BigDecimal.ZERO : fixedCost;
        fixedCostAccrual = fixedCostAccrual == null ? CostAccrual.PRORATED : fixedCostAccrual;
    }
}
