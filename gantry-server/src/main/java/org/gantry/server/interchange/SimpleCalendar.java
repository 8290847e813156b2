package org.gantry.server.interchange;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gantry.interchange.PlanCalendar;
import org.gantry.interchange.PlanCalendarException;
import org.gantry.interchange.PlanDay;
import org.gantry.interchange.PlanPeriod;
import org.gantry.server.project.Holiday;
import org.gantry.server.project.WorkingCalendar;
import org.gantry.server.project.WorkingHours;

/**
 * The closest simple view of an imported calendar, for the project row's own calendar (working days, one set
 * of hours, holidays), which the project's settings page and older code read: the days that work, the hours
 * most of them work, and the one-off non-working exceptions as holidays. The calendar itself is stored whole
 * beside it; this view only has to be valid and close, never exact.
 */
final class SimpleCalendar {
    /** Enough holidays for decades of a real calendar; the stored calendar keeps every exception anyway. */
    private static final int MAXIMUM_HOLIDAYS = 1_000;

    private static final int MAXIMUM_HOLIDAY_NAME = 100;

    private SimpleCalendar() {}

    static WorkingCalendar of(PlanCalendar calendar, List<PlanCalendar> all) {
        Map<String, PlanCalendar> byKey = new HashMap<>();
        all.forEach(c -> byKey.putIfAbsent(c.key(), c));
        List<DayOfWeek> workingDays = new ArrayList<>();
        Map<List<PlanPeriod>, Integer> hoursUsed = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            PlanDay resolved = resolve(calendar, day, byKey);
            if (resolved.kind() == PlanDay.Kind.WORKING && !resolved.periods().isEmpty()) {
                workingDays.add(day);
                hoursUsed.merge(resolved.periods(), 1, Integer::sum);
            }
        }
        WorkingCalendar standard = WorkingCalendar.standard();
        if (workingDays.isEmpty()) {
            return new WorkingCalendar(standard.workingDays(), standard.workingHours(), holidays(calendar));
        }
        List<PlanPeriod> common = hoursUsed.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        List<WorkingHours> hours = hours(common);
        return new WorkingCalendar(workingDays, hours.isEmpty() ? standard.workingHours() : hours, holidays(calendar));
    }

    /** A day of the week, following base calendars for inherited days; the standard day when none says. */
    private static PlanDay resolve(PlanCalendar calendar, DayOfWeek day, Map<String, PlanCalendar> byKey) {
        PlanCalendar current = calendar;
        for (int hops = 0; current != null && hops < 20; hops++) {
            PlanDay found = current.week().get(day);
            if (found != null && found.kind() != PlanDay.Kind.INHERITED) {
                return found;
            }
            current = current.baseKey() == null ? null : byKey.get(current.baseKey());
        }
        return PlanDay.standard(day);
    }

    /**
     * Periods as the project row keeps them: in order, each ending after it starts, none overlapping. A period
     * that runs to midnight ends at 23:59, the latest time the row can say. Empty when they cannot be kept.
     */
    private static List<WorkingHours> hours(List<PlanPeriod> periods) {
        List<WorkingHours> hours = new ArrayList<>();
        LocalTime previousEnd = null;
        for (PlanPeriod period : periods) {
            LocalTime to = period.finish().equals(LocalTime.MIDNIGHT) ? LocalTime.of(23, 59) : period.finish();
            LocalTime from = period.start().withSecond(0).withNano(0);
            to = to.withSecond(0).withNano(0);
            if (!from.isBefore(to) || (previousEnd != null && from.isBefore(previousEnd))) {
                return List.of();
            }
            hours.add(new WorkingHours(from, to));
            previousEnd = to;
        }
        return hours;
    }

    /** One-off non-working exceptions, day by day; recurring ones stay in the stored calendar only. */
    private static List<Holiday> holidays(PlanCalendar calendar) {
        Set<LocalDate> seen = new LinkedHashSet<>();
        List<Holiday> holidays = new ArrayList<>();
        for (PlanCalendarException exception : calendar.exceptions()) {
            if (exception.working() || exception.recurrence() != null || exception.from() == null) {
                continue;
            }
            LocalDate to = exception.to() == null ? exception.from() : exception.to();
            // PostgreSQL refuses NUL characters in text; a binary file can carry them in a name.
            String name = exception.name() == null
                    ? ""
                    : exception.name().replace("\0", "").strip();
            if (name.length() > MAXIMUM_HOLIDAY_NAME) {
                name = name.substring(0, MAXIMUM_HOLIDAY_NAME);
            }
            for (LocalDate day = exception.from();
                    !day.isAfter(to) && holidays.size() < MAXIMUM_HOLIDAYS;
                    day = day.plusDays(1)) {
                if (seen.add(day)) {
                    holidays.add(new Holiday(day, name));
                }
            }
        }
        return holidays;
    }
}
