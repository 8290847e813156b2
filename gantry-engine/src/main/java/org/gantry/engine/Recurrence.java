package org.gantry.engine;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;

/**
 * How a calendar exception repeats, as Microsoft Project's recurring exceptions do: every {@code interval}
 * days, weeks (on {@code daysOfWeek}, or the first date's weekday when empty), months (on the first date's
 * day of the month) or years (on its month and day), up to and including {@code until}.
 */
public record Recurrence(Frequency frequency, int interval, Set<DayOfWeek> daysOfWeek, LocalDate until) {
    public enum Frequency {
        DAILY,
        WEEKLY,
        MONTHLY,
        YEARLY
    }

    public Recurrence {
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(until, "until");
        if (interval < 1) {
            throw new IllegalArgumentException("a recurrence repeats at least every 1 period: " + interval);
        }
        daysOfWeek = daysOfWeek == null ? Set.of() : Set.copyOf(daysOfWeek);
    }

    public static Recurrence yearlyUntil(int lastYear) {
        return new Recurrence(Frequency.YEARLY, 1, Set.of(), LocalDate.of(lastYear, 12, 31));
    }

    public static Recurrence weekly(Set<DayOfWeek> days, LocalDate until) {
        return new Recurrence(Frequency.WEEKLY, 1, days, until);
    }

    /** Whether an occurrence starts on {@code date}, the pattern having first started on {@code first}. */
    boolean startsOn(LocalDate date, LocalDate first) {
        if (date.isBefore(first) || date.isAfter(until)) {
            return false;
        }
        return switch (frequency) {
            case DAILY -> ChronoUnit.DAYS.between(first, date) % interval == 0;
            case WEEKLY -> {
                DayOfWeek day = date.getDayOfWeek();
                boolean onDay = daysOfWeek.isEmpty() ? day == first.getDayOfWeek() : daysOfWeek.contains(day);
                long weeks = ChronoUnit.WEEKS.between(
                        first.minusDays(first.getDayOfWeek().getValue() - 1), date.minusDays(day.getValue() - 1));
                yield onDay && weeks % interval == 0;
            }
            case MONTHLY ->
                date.getDayOfMonth() == first.getDayOfMonth()
                        && ChronoUnit.MONTHS.between(first.withDayOfMonth(1), date.withDayOfMonth(1)) % interval == 0;
            case YEARLY ->
                date.getMonth() == first.getMonth()
                        && date.getDayOfMonth() == first.getDayOfMonth()
                        && (date.getYear() - first.getYear()) % interval == 0;
        };
    }
}
