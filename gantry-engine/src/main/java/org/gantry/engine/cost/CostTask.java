package org.gantry.engine.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A task's place in the work breakdown ({@code parent} null at the top), its fixed cost, and whether it is
 * active: an inactive task (Project 2010 on) keeps its own cost but adds nothing to its summaries.
 */
public record CostTask(String task, String parent, BigDecimal fixedCost, CostAccrual fixedCostAccrual, boolean active) {
    public CostTask {
        Objects.requireNonNull(task, "task");
        fixedCost = fixedCost == null ? BigDecimal.ZERO : fixedCost;
        fixedCostAccrual = fixedCostAccrual == null ? CostAccrual.PRORATED : fixedCostAccrual;
    }

    public CostTask(String task, String parent, BigDecimal fixedCost, CostAccrual fixedCostAccrual) {
        this(task, parent, fixedCost, fixedCostAccrual, true);
    }
}
