package org.gantry.server.timesheet;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A person's week in one project, submitted for approval: SUBMITTED (awaiting an owner or manager),
 * APPROVED (its entries are locked) or REJECTED ({@code reason} says why; its entries are open again).
 * {@code entries} are the entries it covers, by day.
 */
public record TimesheetSubmission(
        long id,
        long projectId,
        String projectKey,
        long userId,
        String userName,
        LocalDate weekStart,
        String state,
        BigDecimal hours,
        int minutes,
        Instant submittedAt,
        Long decidedById,
        String decidedByName,
        Instant decidedAt,
        String reason,
        int version,
        List<TimeEntry> entries) {}
