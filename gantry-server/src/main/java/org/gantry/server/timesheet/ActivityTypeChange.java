package org.gantry.server.timesheet;

/** A new activity type, or changes to one (only the fields sent change; {@code version} to change one). */
public record ActivityTypeChange(String name, Boolean billable, Integer version) {}
