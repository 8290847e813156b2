package org.gantry.engine.earnedvalue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** How the S-curve is cut: by day, by ISO week (ending on Sunday) or by calendar month. */
public enum ReportingPeriod {
    DAY,
    WEEK,
    MONTH;

    /** The last day of the period that holds the given day. */
    LocalDate endOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            case MONTH -> day.with(TemporalAdjusters.lastDayOfMonth());
        };
    }
}
