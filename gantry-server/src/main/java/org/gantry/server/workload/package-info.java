/**
 * Workload: how much work each person (and each resource of a project) has per day, week or month across
 * all their projects, against their capacity (their projects' calendars, maximum units and time off),
 * coloured and worded under / full / over, with the tasks behind each number. The REST API
 * ({@code /api/v1/workload}, {@code /api/v1/projects/{p}/workload}), the {@code /workload} page and the
 * project's Workload tab. It reads assignments, resources, calendars and time off, and writes nothing.
 */
@ApplicationModule(allowedDependencies = {"identity", "project", "resource", "shared", "web"})
package org.gantry.server.workload;

import org.springframework.modulith.ApplicationModule;
