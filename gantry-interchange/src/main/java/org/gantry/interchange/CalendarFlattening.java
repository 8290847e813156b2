package org.gantry.interchange;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gantry.engine.CalendarException;
import org.gantry.engine.CalendarId;
import org.gantry.engine.WorkingCalendar;
import org.gantry.engine.WorkingPeriod;
import org.mpxj.LocalTimeRange;
import org.mpxj.ProjectCalendar;
import org.mpxj.ProjectCalendarHours;

/**
 * The one rule by which an MPXJ calendar becomes an engine calendar, shared by a file's import
 * ({@link ProjectFileImport}) and a stored plan's calendars ({@link PlanCalendars}) so both schedule on the
 * same working time: the calendar's normal week plus one exception for every date in a range around the
 * project whose hours differ from that week.
 */
final class CalendarFlattening {
    /** Calendars are written out as a week plus dated exceptions over this many days around the project. */
    static final int MARGIN_DAYS = 3 * 366;

    private static final int MAXIMUM_DAYS = 40 * 366;

    /** The dates written out for a project whose dates run from {@code earliest} to {@code latest}. */
    record Range(LocalDate first, LocalDate last) {
        static Range around(LocalDate earliest, LocalDate latest) {
            LocalDate first = earliest.minusDays(MARGIN_DAYS);
            LocalDate last = latest.plusDays(MARGIN_DAYS);
            if (first.until(last, ChronoUnit.DAYS) > MAXIMUM_DAYS) {
                last = first.plusDays(MAXIMUM_DAYS);
            }
            return new Range(first, last);
        }
    }

    private CalendarFlattening() {}

    /**
     * MPXJ resolves base calendars, work weeks and recurring exceptions when asked for a date's hours, so
     * asking it date by date captures all of them without re-implementing each file format's rules.
     */
    static WorkingCalendar flatten(CalendarId id, ProjectCalendar calendar, Range range) {
        // First pass: each date's hours, and for each day of the week the hours it has most often; that
        // is the calendar's normal week, whichever base calendars and work weeks it came from.
        List<LocalDate> dates = new ArrayList<>();
        List<List<WorkingPeriod>> hours = new ArrayList<>();
        Map<DayOfWeek, Map<String, Integer>> counts = new EnumMap<>(DayOfWeek.class);
        Map<String, List<WorkingPeriod>> shared = new HashMap<>();
        for (LocalDate date = range.first(); !date.isAfter(range.last()); date = date.plusDays(1)) {
            ProjectCalendarHours dayHours;
            try {
                dayHours = calendar.getHours(date);
            } catch (RuntimeException e) {
                continue;
            }
            List<WorkingPeriod> periods = periods(dayHours);
            String key = periods.toString();
            periods = shared.computeIfAbsent(key, k -> List.copyOf(periods(dayHours)));
            dates.add(date);
            hours.add(periods);
            counts.computeIfAbsent(date.getDayOfWeek(), d -> new HashMap<>()).merge(key, 1, Integer::sum);
        }
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            Map<String, Integer> seen = counts.get(day);
            if (seen == null || seen.isEmpty()) {
                week.put(day, periods(hoursOf(calendar, day)));
                continue;
            }
            String usual = Collections.max(seen.entrySet(), Map.Entry.comparingByValue())
                    .getKey();
            week.put(day, shared.get(usual));
        }
        List<CalendarException> exceptions = new ArrayList<>();
        for (int k = 0; k < dates.size(); k++) {
            LocalDate date = dates.get(k);
            if (!hours.get(k).equals(week.get(date.getDayOfWeek()))) {
                exceptions.add(new CalendarException(date, date, hours.get(k), null));
            }
        }
        return new WorkingCalendar(id, null, week, exceptions);
    }

    private static ProjectCalendarHours hoursOf(ProjectCalendar calendar, DayOfWeek day) {
        try {
            return calendar.getHours(day);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static List<WorkingPeriod> periods(ProjectCalendarHours hours) {
        List<WorkingPeriod> periods = new ArrayList<>();
        if (hours == null) {
            return periods;
        }
        for (LocalTimeRange range : hours) {
            if (range == null || range.getStart() == null || range.getEnd() == null) {
                continue;
            }
            int startMinute = range.getStart().getHour() * 60 + range.getStart().getMinute();
            int endMinute = range.getEnd().getHour() * 60 + range.getEnd().getMinute();
            if (endMinute == 0) {
                endMinute = 1440;
            }
            if (endMinute > startMinute) {
                periods.add(new WorkingPeriod(startMinute, endMinute));
            }
        }
        return periods;
    }
}
