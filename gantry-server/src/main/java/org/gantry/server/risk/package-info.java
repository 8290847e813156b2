/**
 * Risk register and schedule risk: a project's risks (threat or opportunity, cause / event / effect,
 * probability and impact on a 5-point scale with the score computed, response, owner, status, review date,
 * the tasks concerned, an optional quantified delay on one task), the 5x5 heat map, and the Monte Carlo
 * schedule risk analysis of the engine run on the project's plan with those delays
 * ({@code /api/v1/projects/{p}/risks}, {@code .../risks/heat-map}, {@code .../schedule-risk}). Reads the
 * plan through the schedule module's {@code ProjectScheduler.network}; writes only its own tables.
 */
@ApplicationModule(
        allowedDependencies = {"change", "collaboration", "identity", "project", "schedule", "shared", "web"})
package org.gantry.server.risk;

import org.springframework.modulith.ApplicationModule;
