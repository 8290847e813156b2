package org.gantry.engine;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A working-time calendar: the working periods of each day of the week, and exceptions on dates. A derived
 * calendar names a {@code baseCalendar}: days of the week it does not define come from the base, and the
 * base's exceptions apply unless one of its own covers the date (a calendar's own exceptions win).
 *
 * <p>Immutable and a value: two calendars with the same content are equal, which is what lets the engine
 * cache the compiled working-time tables across reschedules.
 */
public record WorkingCalendar(
        CalendarId id,
        CalendarId baseCalendar,
        Map<DayOfWeek, List<WorkingPeriod>> week,
        List<CalendarException> exceptions) {

    public WorkingCalendar {
        Objects.requireNonNull(id, "id");
        EnumMap<DayOfWeek, List<WorkingPeriod>> copy = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, periods) -> copy.put(day, List.copyOf(periods)));
        week = java.util.Collections.unmodifiableMap(copy);
        exceptions = List.copyOf(exceptions);
    }

    private static final List<WorkingPeriod> OFFICE_DAY =
            List.of(WorkingPeriod.of("08:00", "12:00"), WorkingPeriod.of("13:00", "17:00"));

    /** Microsoft Project's "Standard": Monday to Friday, 08:00-12:00 and 13:00-17:00. */
    public static WorkingCalendar standard(CalendarId id) {
        return weekdays(id, OFFICE_DAY);
    }

    public static WorkingCalendar standard() {
        return standard(CalendarId.of("Standard"));
    }

    /** Every day of the week, all day. */
    public static WorkingCalendar twentyFourHours(CalendarId id) {
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new WorkingPeriod(0, 1440)));
        }
        return new WorkingCalendar(id, null, week, List.of());
    }

    /** Microsoft Project's "Night Shift": 23:00-08:00 with an hour's break, Monday night to Saturday morning. */
    public static WorkingCalendar nightShift(CalendarId id) {
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.SUNDAY, List.of());
        week.put(DayOfWeek.MONDAY, List.of(WorkingPeriod.of("23:00", "00:00")));
        List<WorkingPeriod> middle = List.of(
                WorkingPeriod.of("00:00", "03:00"),
                WorkingPeriod.of("04:00", "08:00"),
                WorkingPeriod.of("23:00", "00:00"));
        for (DayOfWeek day : List.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, middle);
        }
        week.put(DayOfWeek.SATURDAY, List.of(WorkingPeriod.of("00:00", "03:00"), WorkingPeriod.of("04:00", "08:00")));
        return new WorkingCalendar(id, null, week, List.of());
    }

    /** Monday to Friday with the given periods, weekends off. */
    public static WorkingCalendar weekdays(CalendarId id, List<WorkingPeriod> periods) {
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
            week.put(day, weekend ? List.of() : periods);
        }
        return new WorkingCalendar(id, null, week, List.of());
    }

    /** A calendar derived from {@code base} that only adds exceptions of its own. */
    public static WorkingCalendar derived(CalendarId id, CalendarId base, List<CalendarException> exceptions) {
        return new WorkingCalendar(id, base, Map.of(), exceptions);
    }

    public WorkingCalendar withException(CalendarException exception) {
        List<CalendarException> more = new ArrayList<>(exceptions);
        more.add(exception);
        return new WorkingCalendar(id, baseCalendar, week, more);
    }

    public WorkingCalendar withHolidays(LocalDate... dates) {
        List<CalendarException> more = new ArrayList<>(exceptions);
        for (LocalDate date : dates) {
            more.add(CalendarException.holiday(date));
        }
        return new WorkingCalendar(id, baseCalendar, week, more);
    }

    public WorkingCalendar withDay(DayOfWeek day, List<WorkingPeriod> periods) {
        Map<DayOfWeek, List<WorkingPeriod>> changed = new EnumMap<>(DayOfWeek.class);
        changed.putAll(week);
        changed.put(day, periods);
        return new WorkingCalendar(id, baseCalendar, changed, exceptions);
    }
}
