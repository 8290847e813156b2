package org.gantry.server.timesheet;

/** A kind of work time is logged as, defined per project; {@code billable} is its entries' default. */
public record ActivityType(long id, long projectId, String name, boolean billable, int version) {}
