package org.gantry.server.timesheet;

/** A project's time settings changed (which hours count as actual work may have changed with them). */
public record TimeSettingsChanged(long projectId) {}
