package org.gantry.interchange;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * How a recurring calendar exception repeats, as Microsoft Project describes it: every {@code frequency}
 * days, weeks (on {@code weekDays}), months or years, from {@code start} until {@code finish} or for
 * {@code occurrences} times. Monthly and yearly patterns are either a day number ("the 15th") or, when
 * {@code relative}, an ordinal weekday ("the 2nd Tuesday", dayNumber 2; 5 means the last).
 */
public record PlanRecurrence(
        Pattern pattern,
        int frequency,
        LocalDate start,
        LocalDate finish,
        Integer occurrences,
        Set<DayOfWeek> weekDays,
        boolean relative,
        Integer dayNumber,
        DayOfWeek dayOfWeek,
        Integer month) {

    public enum Pattern {
        DAILY,
        WEEKLY,
        MONTHLY,
        YEARLY
    }

    public PlanRecurrence {
        Objects.requireNonNull(pattern, "pattern");
        weekDays = Set.copyOf(weekDays);
    }
}
