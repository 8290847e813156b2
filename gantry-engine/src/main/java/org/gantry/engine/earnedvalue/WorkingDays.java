package org.gantry.engine.earnedvalue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/** The days a budget is spread over: the working days of the week, less holidays. */
public record WorkingDays(Set<DayOfWeek> daysOfWeek, Set<LocalDate> holidays) {
    public WorkingDays {
        daysOfWeek = daysOfWeek.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(daysOfWeek);
        holidays = Set.copyOf(holidays);
    }

    public static WorkingDays mondayToFriday() {
        return new WorkingDays(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of());
    }

    public boolean isWorking(LocalDate day) {
        return daysOfWeek.contains(day.getDayOfWeek()) && !holidays.contains(day);
    }
}
