package org.gantry.interchange;

import java.time.LocalDate;
import java.util.List;

/**
 * Days whose hours differ from the week: from one date to another (both included), or, when
 * {@code recurrence} is set, the days it gives. No periods means no work on those days.
 */
public record PlanCalendarException(
        String name, LocalDate from, LocalDate to, List<PlanPeriod> periods, PlanRecurrence recurrence) {
    public PlanCalendarException {
        periods = List.copyOf(periods);
    }

    public boolean working() {
        return !periods.isEmpty();
    }
}
