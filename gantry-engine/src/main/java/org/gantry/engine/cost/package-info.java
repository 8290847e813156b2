/**
 * Planned cost: what each assignment and task costs from resource rate tables (standard, overtime and
 * per-use rates with effective dates), material quantities, cost resources and fixed costs, with summary
 * tasks rolling up their children. The rules are Microsoft Project's, found by reproducing the costs it
 * stored in its files ({@link org.gantry.engine.cost.CostModel} states them).
 */
package org.gantry.engine.cost;
