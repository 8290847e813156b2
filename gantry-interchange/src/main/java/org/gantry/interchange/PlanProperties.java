package org.gantry.interchange;

import java.time.LocalDateTime;

/**
 * Project-wide settings. Minutes per day, week and month convert durations shown in days, weeks or months
 * into working minutes; the calendar key names the project calendar (null: Gantry's standard calendar).
 * {@code sourceFormat} says which tool and format the plan was read from, for the import report.
 */
public record PlanProperties(
        String name,
        String author,
        LocalDateTime start,
        LocalDateTime finish,
        LocalDateTime statusDate,
        String calendarKey,
        int minutesPerDay,
        int minutesPerWeek,
        int daysPerMonth,
        String currencyCode,
        String currencySymbol,
        boolean scheduledFromFinish,
        String sourceFormat) {

    public static final int STANDARD_MINUTES_PER_DAY = 480;
    public static final int STANDARD_MINUTES_PER_WEEK = 2400;
    public static final int STANDARD_DAYS_PER_MONTH = 20;

    public PlanProperties {
        if (minutesPerDay <= 0 || minutesPerWeek <= 0 || daysPerMonth <= 0) {
            throw new IllegalArgumentException("minutes per day, minutes per week and days per month must be positive");
        }
    }

    /** A plan starting at {@code start} with an eight-hour day and a five-day week. */
    public static PlanProperties standard(String name, LocalDateTime start) {
        return new PlanProperties(
                name,
                null,
                start,
                null,
                null,
                null,
                STANDARD_MINUTES_PER_DAY,
                STANDARD_MINUTES_PER_WEEK,
                STANDARD_DAYS_PER_MONTH,
                null,
                null,
                false,
                null);
    }
}
