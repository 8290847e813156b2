/**
 * Money: planned cost from assignments and rates (the engine's cost model), captured into baselines as
 * the budget, and earned value at a status date from baseline budgets, percent complete and time entries
 * at the rates of their day, and expenses with their receipts (kept in the collaboration module's attachment
 * store). Owners and managers see it; members see their own expenses; stakeholders see no money.
 */
@ApplicationModule(allowedDependencies = {"collaboration", "identity", "project", "shared", "web"})
package org.gantry.server.cost;

import org.springframework.modulith.ApplicationModule;
