package org.gantry.server.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The dates a plan may hold: from 1900-01-01 to 2200-12-31. No project is planned outside them, and
 * beyond them things break that a request should never reach: PostgreSQL stores nothing after the year
 * 294,276, the scheduler's working-time tables stop at 200 years, java.time overflows near the year
 * 999,999,999. One rule for every date a request carries, so the answer is always a 400 naming the field.
 */
public final class PlanDates {
    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2200, 12, 31);
    public static final String MESSAGE = "must be between " + FIRST + " and " + LAST;

    private PlanDates() {}

    public static boolean contains(LocalDate date) {
        return !date.isBefore(FIRST) && !date.isAfter(LAST);
    }

    /** Adds a problem for {@code field} when the date is outside the range; null passes. */
    public static void check(String field, LocalDate date, InvalidInput.Collector problems) {
        if (date != null && !contains(date)) {
            problems.add(field, MESSAGE);
        }
    }

    public static void check(String field, LocalDateTime dateTime, InvalidInput.Collector problems) {
        check(field, dateTime == null ? null : dateTime.toLocalDate(), problems);
    }

    /** An instant, by its date in UTC. */
    public static void check(String field, Instant instant, InvalidInput.Collector problems) {
        if (instant != null
                && (instant.isBefore(FIRST.atStartOfDay(ZoneOffset.UTC).toInstant())
                        || !instant.isBefore(
                                LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))) {
            problems.add(field, MESSAGE);
        }
    }
}
