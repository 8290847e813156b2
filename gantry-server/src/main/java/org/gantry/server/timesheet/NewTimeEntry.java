package org.gantry.server.timesheet;

import java.time.LocalDate;

/**
 * A time entry to log: the task, the day, the hours (a number such as 1.5 or a text "1.5" or "1:30"), an
 * optional note and billable flag (default true). {@code userId} logs for someone else (owners and
 * managers only); it defaults to the caller. {@code activityTypeId} names one of the project's activity types;
 * without a billable flag the entry is billable as its activity type says (billable without one).
 */
public record NewTimeEntry(
        Long taskId, LocalDate date, Object hours, String note, Boolean billable, Long userId, Long activityTypeId) {}
