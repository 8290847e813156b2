package org.gantry.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Working time that replaces the normal week on some dates: a holiday (no periods) or an extra or changed
 * working day (with periods), from {@code from} to {@code to}. With a {@code recurrence} the same span
 * repeats (every year on 25 December, every other Friday...); {@code recurrence} is null for a one-off.
 */
public record CalendarException(LocalDate from, LocalDate to, List<WorkingPeriod> periods, Recurrence recurrence) {
    public CalendarException {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("exception ends before it starts: " + from + ".." + to);
        }
        periods = List.copyOf(periods);
    }

    public static CalendarException holiday(LocalDate date) {
        return new CalendarException(date, date, List.of(), null);
    }

    public static CalendarException holidays(LocalDate from, LocalDate to) {
        return new CalendarException(from, to, List.of(), null);
    }

    public static CalendarException workingDay(LocalDate date, List<WorkingPeriod> periods) {
        return new CalendarException(date, date, periods, null);
    }

    /** A holiday on the same date every year, e.g. 25 December, from {@code first}'s year to {@code lastYear}. */
    public static CalendarException yearlyHoliday(LocalDate first, int lastYear) {
        return new CalendarException(first, first, List.of(), Recurrence.yearlyUntil(lastYear));
    }

    public static CalendarException recurringHoliday(LocalDate first, Recurrence recurrence) {
        return new CalendarException(first, first, List.of(), recurrence);
    }

    boolean recurring() {
        return recurrence != null;
    }

    /** Whether this exception covers {@code date}. */
    boolean covers(LocalDate date) {
        if (recurrence == null) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
        long span = ChronoUnit.DAYS.between(from, to);
        for (long back = 0; back <= span; back++) {
            if (recurrence.startsOn(date.minusDays(back), from)) {
                return true;
            }
        }
        return false;
    }
}
