/**
 * The work breakdown of a project: tasks of any depth (a task with subtasks is a summary task),
 * milestones, statuses, assignees, tags, planned durations in working minutes, dates, progress, and
 * the dependency links between tasks. Every row carries a version; a change sent with an old version
 * is refused with the current row. The outline (sibling order and WBS code) is kept by this package. Its REST API
 * ({@code TaskApi}, {@code LinkApi}, {@code StatusApi}) and pages (the task list and the task detail, with
 * their forms) live here too.
 */
@ApplicationModule(allowedDependencies = {"identity", "project", "resource", "shared", "web", "workload"})
package org.gantry.server.task;

import org.springframework.modulith.ApplicationModule;
