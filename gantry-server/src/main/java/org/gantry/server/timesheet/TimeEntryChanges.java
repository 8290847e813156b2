package org.gantry.server.timesheet;

import java.time.LocalDate;

/** Changes to a time entry: only the fields sent change; {@code version} is the one last read. */
public record TimeEntryChanges(
        Long taskId, LocalDate date, Object hours, String note, Boolean billable, Integer version) {}
