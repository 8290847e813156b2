/**
 * The portfolio: every project the viewer may see on one page (/portfolio, GET /api/v1/portfolio; system
 * admins and portfolio managers see all), each with its dashboard's health colours, % complete, finish against
 * the baseline, budget against actual cost where the viewer sees costs, and open high threats, worst first.
 * Computed from each project's dashboard, so the portfolio says exactly what the projects' own dashboards say.
 * It also owns the portfolio's strategy: programmes, strategic goals with weights, each project's programme,
 * proposed state, cost estimate and goal scores (its alignment), the timeline, the value/risk bubble chart and
 * the what-if ranking of proposed projects.
 */
@ApplicationModule(allowedDependencies = {"dashboard", "identity", "project", "shared", "web"})
package org.gantry.server.portfolio;

import org.springframework.modulith.ApplicationModule;
