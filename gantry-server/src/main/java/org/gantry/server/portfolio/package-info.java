/**
 * The portfolio: every project the viewer may see on one page (/portfolio, GET /api/v1/portfolio), each with
 * its dashboard's health colours, % complete, finish against the baseline, budget against actual cost where
 * the viewer sees costs, and open high threats, worst first. Computed from each project's dashboard, so the
 * portfolio says exactly what the projects' own dashboards say.
 */
@ApplicationModule(allowedDependencies = {"dashboard", "identity", "project", "shared"})
package org.gantry.server.portfolio;

import org.springframework.modulith.ApplicationModule;
