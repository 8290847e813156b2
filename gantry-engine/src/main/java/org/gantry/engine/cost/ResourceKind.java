package org.gantry.engine.cost;

/** People and equipment paid by the hour (work), consumables paid by the unit (material), or a cost. */
public enum ResourceKind {
    WORK,
    MATERIAL,
    COST
}
