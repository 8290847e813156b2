package org.gantry.server.timesheet;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A time entry as the API shows it: {@code hours} is {@code minutes} / 60 (1.5 for 1 h 30 min). {@code state}
 * is OPEN (editable), SUBMITTED (in a week awaiting approval) or APPROVED; the last two are locked.
 */
public record TimeEntry(
        long id,
        long projectId,
        String projectKey,
        long taskId,
        String taskName,
        long userId,
        String userName,
        LocalDate date,
        BigDecimal hours,
        int minutes,
        String note,
        boolean billable,
        Long activityTypeId,
        String activityTypeName,
        String state,
        Long submissionId,
        Instant createdAt,
        Instant updatedAt,
        int version) {}
