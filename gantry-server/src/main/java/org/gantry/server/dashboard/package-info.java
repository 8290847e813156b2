/**
 * The project dashboard: a project's home page of tiles (health, % complete planned vs actual, milestones,
 * finish against the baseline, critical path and slack erosion, late and due tasks, the team's workload, cost
 * and earned value, risks, and the delivery measures of the signals module), computed in one pass over the
 * stored schedule (the engine's dates, slack and critical flags as the last reschedule wrote them) and the
 * baseline, with the thresholds the project sets for its health colours and each person's tile order and
 * hidden tiles.
 */
@ApplicationModule(allowedDependencies = {"cost", "identity", "project", "risk", "schedule", "shared", "signals"})
package org.gantry.server.dashboard;

import org.springframework.modulith.ApplicationModule;
