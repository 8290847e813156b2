package org.gantry.server.board;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Cycle time of the tasks finished from {@code from} to {@code to} (dates in the project's time zone):
 * per task, the time from first entering a status of the IN_PROGRESS category to its last entry into a
 * DONE-category status, in days (24 hours) to 0.01. Tasks that never were in progress have no cycle time
 * and are only counted ({@code finishedWithoutProgress}). Percentiles by the nearest rank (the smallest
 * cycle time at or under which the share of tasks lies); null when no task finished.
 */
public record CycleTime(
        String project,
        LocalDate from,
        LocalDate to,
        int count,
        int finishedWithoutProgress,
        BigDecimal averageDays,
        BigDecimal p50,
        BigDecimal p85,
        BigDecimal p95,
        List<Point> points) {

    /** One finished task, in the order of finishing. */
    public record Point(
            long taskId,
            String wbs,
            String name,
            Instant startedAt,
            Instant finishedAt,
            LocalDate finishedOn,
            BigDecimal days) {}
}
