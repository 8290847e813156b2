package org.gantry.server.timesheet;

import java.time.LocalDate;
import java.util.List;

/**
 * A submitted week was approved or rejected, published inside the deciding transaction: approved hours
 * become actual work on {@code taskIds}, and the person is told.
 */
public record TimesheetDecided(
        long projectId,
        long submissionId,
        long personId,
        long deciderId,
        LocalDate weekStart,
        boolean approved,
        String reason,
        List<Long> taskIds) {}
