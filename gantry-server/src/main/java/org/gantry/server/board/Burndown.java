package org.gantry.server.board;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The burndown and burnup of a sprint, one entry per calendar day from its start date to its end date
 * (in the project's time zone), each as it stood at the end of that day (for the day the sprint was
 * completed: at its completion). Days still to come, and days after a completion before the end date,
 * have no actual values, only the ideal line.
 * {@code committedPoints}: the points in the sprint when it started; the ideal line falls from them to
 * zero at the end of the last day in equal steps.
 */
public record Burndown(
        long sprintId,
        SprintState state,
        LocalDate startDate,
        LocalDate endDate,
        BigDecimal committedPoints,
        List<Day> days) {

    /**
     * {@code remaining}: points not done of everything in the sprint; {@code remainingCommitted}: of those
     * committed at the start; {@code scopeAdded}: points of the tasks added after the start (still in it);
     * burnup: {@code completed} points done and {@code totalScope}.
     */
    public record Day(
            LocalDate date,
            BigDecimal ideal,
            BigDecimal remaining,
            BigDecimal remainingCommitted,
            BigDecimal scopeAdded,
            BigDecimal completed,
            BigDecimal totalScope) {}
}
