package org.gantry.server.timesheet;

import java.time.LocalDate;

/**
 * Changes to a time entry: only the fields sent change; {@code version} is the one last read. An
 * {@code activityTypeId} of 0 removes the entry's activity type.
 */
public record TimeEntryChanges(
        Long taskId,
        LocalDate date,
        Object hours,
        String note,
        Boolean billable,
        Integer version,
        Long activityTypeId) {}
