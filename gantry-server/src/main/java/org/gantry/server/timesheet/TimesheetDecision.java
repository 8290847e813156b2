package org.gantry.server.timesheet;

/** An owner's or manager's decision on a submitted week: the version last read and, to reject, a reason. */
public record TimesheetDecision(Integer version, String reason) {}
