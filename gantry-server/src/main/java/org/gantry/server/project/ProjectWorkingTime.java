package org.gantry.server.project;

import org.gantry.engine.WorkingTime;

/**
 * A project's working time as the engine counts it: its calendar, holidays and imported calendars.
 * The schedule module computes it; features below the schedule (the workload, which the task list
 * itself reads) ask through this interface so that they do not depend on the scheduler, which
 * depends on tasks.
 */
public interface ProjectWorkingTime {

    WorkingTime workingTime(long projectId);
}
