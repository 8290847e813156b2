package org.gantry.interchange;

/** People and equipment (work), consumables (material, counted in their own label), or a fixed cost. */
public enum PlanResourceKind {
    WORK,
    MATERIAL,
    COST
}
