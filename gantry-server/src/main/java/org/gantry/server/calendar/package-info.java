/**
 * The calendar view and iCal feeds: a project's tasks and milestones on a month or week grid (drag a
 * bar to another day to move the task's start, keeping its working duration), and secret-URL iCal
 * feeds per project and per person that calendar apps subscribe to without logging in. It reads and
 * changes tasks only through {@code ProjectService} and {@code TaskService}; its own table holds the
 * feed secrets.
 */
@ApplicationModule(allowedDependencies = {"identity", "project", "schedule", "shared", "task"})
package org.gantry.server.calendar;

import org.springframework.modulith.ApplicationModule;
