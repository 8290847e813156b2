package org.gantry.interchange;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A working-time calendar: a normal week, work weeks that replace it over date ranges, and exceptions
 * (holidays, or days with other hours; one-off or recurring). A calendar with a base calendar inherits every
 * day it marks {@link PlanDay.Kind#INHERITED}, as resource calendars inherit the project's standard
 * calendar in Microsoft Project.
 */
public record PlanCalendar(
        String key,
        String name,
        String baseKey,
        Map<DayOfWeek, PlanDay> week,
        List<PlanWorkWeek> workWeeks,
        List<PlanCalendarException> exceptions) {

    public PlanCalendar {
        Objects.requireNonNull(key, "key");
        week = Map.copyOf(week);
        if (week.size() != 7) {
            throw new IllegalArgumentException("a calendar's week has seven days: " + week.keySet());
        }
        workWeeks = List.copyOf(workWeeks);
        exceptions = List.copyOf(exceptions);
    }

    /** Monday to Friday, 08:00-12:00 and 13:00-17:00: Microsoft Project's standard calendar. */
    public static PlanCalendar standard(String key, String name) {
        return new PlanCalendar(key, name, null, standardWeek(), List.of(), List.of());
    }

    static Map<DayOfWeek, PlanDay> standardWeek() {
        Map<DayOfWeek, PlanDay> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, PlanDay.standard(day));
        }
        return week;
    }
}
