package org.gantry.engine;

import java.util.Objects;

/** An amount of working (or elapsed) time in a unit, e.g. 3 DAYS, 4 ELAPSED_HOURS, 50 PERCENT (lags). */
public record WorkDuration(double value, DurationUnit unit) {
    public static final WorkDuration ZERO = new WorkDuration(0, DurationUnit.DAYS);

    public WorkDuration {
        Objects.requireNonNull(unit, "unit");
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("duration must be a number: " + value);
        }
    }

    public static WorkDuration minutes(double value) {
        return new WorkDuration(value, DurationUnit.MINUTES);
    }

    public static WorkDuration hours(double value) {
        return new WorkDuration(value, DurationUnit.HOURS);
    }

    public static WorkDuration days(double value) {
        return new WorkDuration(value, DurationUnit.DAYS);
    }

    public static WorkDuration weeks(double value) {
        return new WorkDuration(value, DurationUnit.WEEKS);
    }

    public static WorkDuration elapsedDays(double value) {
        return new WorkDuration(value, DurationUnit.ELAPSED_DAYS);
    }

    public static WorkDuration percent(double value) {
        return new WorkDuration(value, DurationUnit.PERCENT);
    }

    /**
     * Minutes this duration stands for: working minutes for working units (using the project's minutes per
     * day, week, month), clock minutes for elapsed units. Not defined for PERCENT.
     */
    public long toMinutes(ProjectOptions options) {
        double minutes =
                switch (unit) {
                    case MINUTES, ELAPSED_MINUTES -> value;
                    case HOURS, ELAPSED_HOURS -> value * 60;
                    case DAYS -> value * options.minutesPerDay();
                    case WEEKS -> value * options.minutesPerWeek();
                    case MONTHS -> value * options.minutesPerDay() * options.daysPerMonth();
                    case ELAPSED_DAYS -> value * 1440;
                    case ELAPSED_WEEKS -> value * 1440 * 7;
                    case ELAPSED_MONTHS -> value * 1440 * 30;
                    case PERCENT -> throw new IllegalStateException("a percentage has no minutes of its own");
                };
        return Math.round(minutes);
    }
}
