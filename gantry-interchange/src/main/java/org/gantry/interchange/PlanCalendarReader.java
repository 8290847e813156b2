package org.gantry.interchange;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mpxj.DayType;
import org.mpxj.LocalDateRange;
import org.mpxj.LocalTimeRange;
import org.mpxj.ProjectCalendar;
import org.mpxj.ProjectCalendarDays;
import org.mpxj.ProjectCalendarException;
import org.mpxj.ProjectCalendarHours;
import org.mpxj.ProjectCalendarWeek;
import org.mpxj.ProjectFile;
import org.mpxj.RecurringData;
import org.mpxj.common.ProjectCalendarHelper;

/**
 * The calendars of a file as a plan keeps them, for {@link PlanReader}: which of the file's calendars the plan
 * holds, each with its week, work weeks and exceptions, and which calendar key stands for a calendar that was
 * left out in favour of its base calendar (tasks and resources name the calendar that stands for theirs).
 */
final class PlanCalendarReader {
    private final ProjectFile file;
    /** A left-out calendar's key, to the key of the calendar that stands for it. */
    private final Map<String, String> calendarAliases = new HashMap<>();

    PlanCalendarReader(ProjectFile file) {
        this.file = file;
    }

    /**
     * The calendars as Microsoft Project structures them: base calendars, and resource calendars that derive
     * from a base calendar and belong to exactly one resource. Any other derived calendar is flattened into a
     * base calendar with the same working time (MPXJ's own flattening, so an export matches), a personal
     * calendar that changes nothing is left out in favour of its base calendar, and the calendars of
     * resources that are not imported are left out.
     */
    List<PlanCalendar> calendars() {
        List<PlanCalendar> result = new ArrayList<>();
        for (ProjectCalendar calendar : file.getCalendars()) {
            if (calendar.getUniqueID() == null) {
                continue;
            }
            if (!calendar.isDerived()) {
                result.add(calendar(calendar));
                continue;
            }
            long users = calendar.getResources().stream()
                    .filter(PlanReader::includedResource)
                    .count();
            boolean usedElsewhere = !calendar.getTasks().isEmpty()
                    || !calendar.getDerivedCalendars().isEmpty()
                    || calendar == file.getProjectProperties().getDefaultCalendar();
            if (users == 0 && !calendar.getResources().isEmpty() && !usedElsewhere) {
                calendarAliases.put(PlanReader.key(calendar), PlanReader.key(calendar.getParent()));
                continue;
            }
            if (users == 1 && calendar.getDerivedCalendars().isEmpty()) {
                PlanCalendar resourceCalendar = calendar(calendar);
                if (inheritsEverything(resourceCalendar)
                        && calendar.getTasks().isEmpty()
                        && calendar != file.getProjectProperties().getDefaultCalendar()) {
                    calendarAliases.put(PlanReader.key(calendar), PlanReader.key(calendar.getParent()));
                } else {
                    result.add(resourceCalendar);
                }
                continue;
            }
            result.add(calendar(ProjectCalendarHelper.createTemporaryFlattenedCalendar(calendar)));
        }
        return result;
    }

    private static boolean inheritsEverything(PlanCalendar calendar) {
        return calendar.exceptions().isEmpty()
                && calendar.workWeeks().isEmpty()
                && calendar.week().values().stream().allMatch(day -> day.kind() == PlanDay.Kind.INHERITED);
    }

    /** The key of the calendar that stands for this one in the plan. */
    String calendarKey(ProjectCalendar calendar) {
        if (calendar == null) {
            return null;
        }
        String key = PlanReader.key(calendar);
        for (int hops = 0; calendarAliases.containsKey(key) && hops < 100; hops++) {
            key = calendarAliases.get(key);
        }
        return key;
    }

    private PlanCalendar calendar(ProjectCalendar calendar) {
        List<PlanWorkWeek> workWeeks = new ArrayList<>();
        for (ProjectCalendarWeek week : calendar.getWorkWeeks()) {
            LocalDateRange range = week.getDateRange();
            workWeeks.add(new PlanWorkWeek(
                    calendarName(week.getName()),
                    range == null ? null : range.getStart(),
                    range == null ? null : range.getEnd(),
                    week(week)));
        }
        List<PlanCalendarException> exceptions = new ArrayList<>();
        for (ProjectCalendarException exception : calendar.getCalendarExceptions()) {
            exceptions.add(new PlanCalendarException(
                    PlanReader.text(exception.getName()),
                    exception.getFromDate(),
                    exception.getToDate(),
                    periods(exception),
                    recurrence(exception.getRecurring(), exception.getFromDate())));
        }
        ProjectCalendar base = calendar.getParent();
        Map<DayOfWeek, PlanDay> week = week(calendar);
        if (base == null) {
            // A day that inherits from no base calendar gets Microsoft Project's default for that day.
            week.replaceAll((day, hours) -> hours.kind() == PlanDay.Kind.INHERITED ? PlanDay.standard(day) : hours);
        }
        return new PlanCalendar(
                PlanReader.key(calendar),
                calendarName(calendar.getName()),
                base == null ? null : calendarKey(base),
                week,
                workWeeks,
                exceptions);
    }

    /** Microsoft Project allows calendar names of up to 51 characters. */
    private static String calendarName(String name) {
        String cleaned = PlanReader.text(name);
        return cleaned != null && cleaned.length() > 51 ? cleaned.substring(0, 51) : cleaned;
    }

    private static Map<DayOfWeek, PlanDay> week(ProjectCalendarDays days) {
        Map<DayOfWeek, PlanDay> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            DayType type = days.getCalendarDayType(day);
            PlanDay planDay;
            if (type == DayType.WORKING) {
                List<PlanPeriod> periods = periods(days.getCalendarHours(day));
                planDay = periods.isEmpty() ? PlanDay.NON_WORKING : new PlanDay(PlanDay.Kind.WORKING, periods);
            } else if (type == DayType.NON_WORKING) {
                planDay = PlanDay.NON_WORKING;
            } else {
                planDay = PlanDay.INHERITED;
            }
            week.put(day, planDay);
        }
        return week;
    }

    private static List<PlanPeriod> periods(ProjectCalendarHours hours) {
        List<PlanPeriod> periods = new ArrayList<>();
        if (hours == null) {
            return periods;
        }
        for (LocalTimeRange range : hours) {
            if (range == null || range.getStart() == null || range.getEnd() == null) {
                continue;
            }
            LocalTime start = range.getStart().withSecond(0).withNano(0);
            LocalTime finish = range.getEnd().withSecond(0).withNano(0);
            if (start.equals(finish) && !finish.equals(LocalTime.MIDNIGHT)) {
                continue;
            }
            periods.add(new PlanPeriod(start, finish));
        }
        return periods;
    }

    /**
     * A recurrence starts on its first occurrence: Project shows the range as entered ("from 1 January") but
     * files keep only the first date that falls on the pattern, so that is what a plan keeps.
     */
    private static PlanRecurrence recurrence(RecurringData data, java.time.LocalDate firstOccurrence) {
        if (data == null || data.getRecurrenceType() == null) {
            return null;
        }
        PlanRecurrence.Pattern pattern =
                switch (data.getRecurrenceType()) {
                    case DAILY -> PlanRecurrence.Pattern.DAILY;
                    case WEEKLY -> PlanRecurrence.Pattern.WEEKLY;
                    case MONTHLY -> PlanRecurrence.Pattern.MONTHLY;
                    case YEARLY -> PlanRecurrence.Pattern.YEARLY;
                };
        Set<DayOfWeek> weekDays = EnumSet.noneOf(DayOfWeek.class);
        if (pattern == PlanRecurrence.Pattern.WEEKLY) {
            for (DayOfWeek day : DayOfWeek.values()) {
                if (data.getWeeklyDay(day)) {
                    weekDays.add(day);
                }
            }
        }
        boolean relative = (pattern == PlanRecurrence.Pattern.MONTHLY || pattern == PlanRecurrence.Pattern.YEARLY)
                && data.getRelative();
        boolean monthly = pattern == PlanRecurrence.Pattern.MONTHLY || pattern == PlanRecurrence.Pattern.YEARLY;
        return new PlanRecurrence(
                pattern,
                data.getFrequency() == null || data.getFrequency() < 1 ? 1 : data.getFrequency(),
                firstOccurrence != null ? firstOccurrence : data.getStartDate(),
                data.getUseEndDate() ? data.getFinishDate() : null,
                data.getUseEndDate() ? null : data.getOccurrences(),
                weekDays,
                relative,
                monthly ? data.getDayNumber() : null,
                relative ? data.getDayOfWeek() : null,
                pattern == PlanRecurrence.Pattern.YEARLY ? data.getMonthNumber() : null);
    }
}
