package org.gantry.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Working time that replaces the normal week on some dates: a holiday (no periods) or an extra or changed
 * working day (with periods). A yearly exception repeats on the same month and day every year from
 * {@code from}'s year up to and including {@code lastYear}.
 */
public record CalendarException(
        LocalDate from, LocalDate to, List<WorkingPeriod> periods, boolean yearly, int lastYear) {
    public CalendarException {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("exception ends before it starts: " + from + ".." + to);
        }
        periods = List.copyOf(periods);
    }

    public static CalendarException holiday(LocalDate date) {
        return new CalendarException(date, date, List.of(), false, 0);
    }

    public static CalendarException holidays(LocalDate from, LocalDate to) {
        return new CalendarException(from, to, List.of(), false, 0);
    }

    public static CalendarException workingDay(LocalDate date, List<WorkingPeriod> periods) {
        return new CalendarException(date, date, periods, false, 0);
    }

    /** A holiday on the same date every year, e.g. 25 December, from {@code first}'s year to {@code lastYear}. */
    public static CalendarException yearlyHoliday(LocalDate first, int lastYear) {
        return new CalendarException(first, first, List.of(), true, lastYear);
    }

    boolean working() {
        return !periods.isEmpty();
    }

    /** Whether this exception covers {@code date}. */
    boolean covers(LocalDate date) {
        if (!yearly) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
        int year = date.getYear();
        if (year < from.getYear() || year > lastYear) {
            return false;
        }
        int shift = year - from.getYear();
        LocalDate start = from.plusYears(shift);
        LocalDate end = to.plusYears(shift);
        return !date.isBefore(start) && !date.isAfter(end);
    }
}
