package org.gantry.server.project;

/**
 * The project's start date or working calendar was changed: every task's dates may move. Published
 * synchronously inside the changing transaction, so the reschedule commits (or fails) with it.
 */
public record ProjectScheduleChanged(long projectId) {}
