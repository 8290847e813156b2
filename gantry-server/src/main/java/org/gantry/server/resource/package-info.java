/**
 * The people, equipment, materials and costs a project's tasks use, and their assignments to tasks: the REST
 * API ({@code /api/v1/projects/{p}/resources}, a task's assignments), the Resources page of a project, and
 * editing a resource's name, maximum units and rates with its version. Resources arrive today with imported
 * plans; this module reads the {@code resource} and {@code assignment} tables and writes only resource rows.
 */
@ApplicationModule(allowedDependencies = {"identity", "project", "shared", "web"})
package org.gantry.server.resource;

import org.springframework.modulith.ApplicationModule;
