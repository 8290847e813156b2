package org.gantry.engine;

/**
 * Units of a duration or lag. Working units count working time on a calendar and convert to minutes with
 * the project's minutes per day, week and month; elapsed units count clock time (an elapsed day is always
 * 24 hours, an elapsed month 30 elapsed days, as in Microsoft Project). PERCENT is only for lags: a
 * percentage of the predecessor's duration.
 */
public enum DurationUnit {
    MINUTES,
    HOURS,
    DAYS,
    WEEKS,
    MONTHS,
    ELAPSED_MINUTES,
    ELAPSED_HOURS,
    ELAPSED_DAYS,
    ELAPSED_WEEKS,
    ELAPSED_MONTHS,
    PERCENT;

    public boolean elapsed() {
        return this == ELAPSED_MINUTES
                || this == ELAPSED_HOURS
                || this == ELAPSED_DAYS
                || this == ELAPSED_WEEKS
                || this == ELAPSED_MONTHS;
    }
}
