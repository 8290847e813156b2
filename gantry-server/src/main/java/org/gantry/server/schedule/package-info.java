/**
 * Automatic scheduling in the server: every date-affecting change reschedules the project with the
 * engine in the same transaction and stores the result in one statement; constraints, deadlines, the
 * status date, baselines and variance; the Gantt chart's data and page. Listens to the
 * {@code ScheduleAffected} events (declared in {@code project}, published by the task, resource and timesheet
 * modules) and reads the task tables directly for speed.
 */
@ApplicationModule(allowedDependencies = {"cost", "identity", "interchange", "project", "shared", "task"})
package org.gantry.server.schedule;

import org.springframework.modulith.ApplicationModule;
