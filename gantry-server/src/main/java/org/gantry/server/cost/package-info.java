/**
 * Money: planned cost from assignments and rates (the engine's cost model), captured into baselines as
 * the budget, and earned value at a status date from baseline budgets, percent complete and time entries
 * at the rates of their day. Owners and managers see it; members and stakeholders do not.
 */
@ApplicationModule(allowedDependencies = {"identity", "project", "shared", "web"})
package org.gantry.server.cost;

import org.springframework.modulith.ApplicationModule;
