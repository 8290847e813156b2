/**
 * Time entries: the hours people spent on tasks, one entry per person, task and note. Members log and
 * change their own; owners and managers see and change everyone's in their projects. The hours feed the
 * actual cost of earned value (at the rate of the person's resource on that day).
 */
@ApplicationModule(allowedDependencies = {"identity", "project", "shared", "web"})
package org.gantry.server.timesheet;

import org.springframework.modulith.ApplicationModule;
