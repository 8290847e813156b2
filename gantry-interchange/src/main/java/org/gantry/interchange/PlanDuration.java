package org.gantry.interchange;

import java.util.Objects;
import org.gantry.engine.DurationUnit;

/**
 * A duration as Gantry stores it: minutes (working minutes, or clock minutes for elapsed units) and the unit
 * the user sees it in. PERCENT is not a duration unit; percentage lags are kept on the link.
 */
public record PlanDuration(long minutes, DurationUnit unit) {
    public static final PlanDuration ZERO_DAYS = new PlanDuration(0, DurationUnit.DAYS);

    public PlanDuration {
        Objects.requireNonNull(unit, "unit");
        if (unit == DurationUnit.PERCENT) {
            throw new IllegalArgumentException("a duration is not a percentage");
        }
    }

    /** Minutes in one {@code unit}, with the plan's day, week and month lengths. */
    public static double minutesPer(DurationUnit unit, PlanProperties properties) {
        return switch (unit) {
            case MINUTES, ELAPSED_MINUTES -> 1;
            case HOURS, ELAPSED_HOURS -> 60;
            case DAYS -> properties.minutesPerDay();
            case WEEKS -> properties.minutesPerWeek();
            case MONTHS -> (double) properties.minutesPerDay() * properties.daysPerMonth();
            case ELAPSED_DAYS -> 1440;
            case ELAPSED_WEEKS -> 1440 * 7;
            case ELAPSED_MONTHS -> 1440 * 30;
            case PERCENT -> throw new IllegalArgumentException("a percentage has no minutes");
        };
    }

    public static PlanDuration of(double value, DurationUnit unit, PlanProperties properties) {
        return new PlanDuration(Math.round(value * minutesPer(unit, properties)), unit);
    }

    /** The amount in the display unit, e.g. 2.5 for 1200 minutes shown in eight-hour days. */
    public double value(PlanProperties properties) {
        return minutes / minutesPer(unit, properties);
    }
}
