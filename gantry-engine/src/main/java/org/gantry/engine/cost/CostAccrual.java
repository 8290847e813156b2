package org.gantry.engine.cost;

/** When a cost is incurred: all at the start, spread with the work (prorated), or all at the end. */
public enum CostAccrual {
    START,
    PRORATED,
    END
}
