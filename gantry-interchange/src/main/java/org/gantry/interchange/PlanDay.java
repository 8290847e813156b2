package org.gantry.interchange;

import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/** The hours of one day of a calendar's week: inherited from the base calendar, working, or not working. */
public record PlanDay(Kind kind, List<PlanPeriod> periods) {
    public static final PlanDay INHERITED = new PlanDay(Kind.INHERITED, List.of());
    public static final PlanDay NON_WORKING = new PlanDay(Kind.NON_WORKING, List.of());
    public static final PlanDay STANDARD = new PlanDay(
            Kind.WORKING,
            List.of(
                    new PlanPeriod(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                    new PlanPeriod(LocalTime.of(13, 0), LocalTime.of(17, 0))));

    public enum Kind {
        INHERITED,
        WORKING,
        NON_WORKING
    }

    /** Microsoft Project's default for a day: the standard hours on weekdays, no work at the weekend. */
    public static PlanDay standard(java.time.DayOfWeek day) {
        return day == java.time.DayOfWeek.SATURDAY || day == java.time.DayOfWeek.SUNDAY ? NON_WORKING : STANDARD;
    }

    public PlanDay {
        Objects.requireNonNull(kind, "kind");
        periods = List.copyOf(periods);
        if (kind != Kind.WORKING && !periods.isEmpty()) {
            throw new IllegalArgumentException("only a working day has working periods");
        }
    }
}
