package org.gantry.server.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gantry.engine.CalendarException;
import org.gantry.engine.CalendarId;
import org.gantry.engine.Link;
import org.gantry.engine.ProjectNetwork;
import org.gantry.engine.ProjectOptions;
import org.gantry.engine.Task;
import org.gantry.engine.WorkingCalendar;
import org.gantry.engine.WorkingPeriod;
import org.gantry.engine.WorkingTime;

/**
 * The project's calendar and dates as stored: working days "1,2,3,4,5", hours "08:00-12:00,13:00-17:00"
 * and holidays (the simple calendar), and the engine calendars of its stored (imported) calendars by
 * key. {@code calendarKey} names the stored calendar the project follows; null means the simple one.
 */
record ProjectCalendar(
        LocalDate startDate,
        String workingDays,
        String workingHours,
        LocalDateTime statusDate,
        List<LocalDate> holidays,
        String calendarKey,
        Map<String, WorkingCalendar> imported,
        LocalTime startTime) {

    /** The engine id of the simple calendar the project row defines. */
    static final CalendarId PROJECT_CALENDAR = CalendarId.of("project");

    ProjectCalendar(
            LocalDate startDate,
            String workingDays,
            String workingHours,
            LocalDateTime statusDate,
            List<LocalDate> holidays) {
        this(startDate, workingDays, workingHours, statusDate, holidays, null, Map.of(), null);
    }

    /** The stored calendar the project follows, or null when it follows the simple calendar. */
    WorkingCalendar importedCalendar() {
        return calendarKey == null ? null : imported.get(calendarKey);
    }

    /** The engine id of a stored calendar, or null (the project's calendar) when there is none by that key. */
    CalendarId calendarId(String key) {
        WorkingCalendar stored = key == null ? null : imported.get(key);
        return stored == null ? null : stored.id();
    }

    /** The working periods of a normal working day (the first working day of the project calendar's week). */
    List<WorkingPeriod> periods() {
        WorkingCalendar stored = importedCalendar();
        if (stored != null) {
            for (DayOfWeek day : DayOfWeek.values()) {
                List<WorkingPeriod> periods = stored.week().get(day);
                if (periods != null && !periods.isEmpty()) {
                    return periods;
                }
            }
            return List.of(new WorkingPeriod(0, 1440));
        }
        List<WorkingPeriod> periods = new ArrayList<>();
        for (String range : workingHours.split(",")) {
            String[] ends = range.strip().split("-");
            periods.add(WorkingPeriod.of(LocalTime.parse(ends[0]), LocalTime.parse(ends[1])));
        }
        return periods;
    }

    Set<DayOfWeek> days() {
        Set<DayOfWeek> days = new HashSet<>();
        WorkingCalendar stored = importedCalendar();
        if (stored != null) {
            stored.week().forEach((day, periods) -> {
                if (!periods.isEmpty()) {
                    days.add(day);
                }
            });
            return days;
        }
        for (String day : workingDays.split(",")) {
            days.add(DayOfWeek.of(Integer.parseInt(day.strip())));
        }
        return days;
    }

    /**
     * Dates without working time though their weekday works, from {@code from} to {@code to}: the
     * holidays of the simple calendar, or the non-working exceptions of the stored one.
     */
    List<LocalDate> holidaysBetween(LocalDate from, LocalDate to) {
        WorkingCalendar stored = importedCalendar();
        if (stored == null) {
            return holidays;
        }
        List<LocalDate> days = new ArrayList<>();
        for (CalendarException exception : stored.exceptions()) {
            if (exception.periods().isEmpty()
                    && exception.recurrence() == null
                    && !exception.to().isBefore(from)
                    && !exception.from().isAfter(to)) {
                for (LocalDate day = exception.from(); !day.isAfter(exception.to()); day = day.plusDays(1)) {
                    List<WorkingPeriod> usual = stored.week().get(day.getDayOfWeek());
                    if (usual != null && !usual.isEmpty()) {
                        days.add(day);
                    }
                }
            }
        }
        return days;
    }

    WorkingCalendar calendar() {
        WorkingCalendar stored = importedCalendar();
        return stored != null ? stored : simpleCalendar();
    }

    WorkingTime workingTime() {
        return WorkingTime.of(calendar(), calendars());
    }

    private WorkingCalendar simpleCalendar() {
        List<WorkingPeriod> periods = periods();
        Set<DayOfWeek> days = days();
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, days.contains(day) ? periods : List.of());
        }
        List<CalendarException> exceptions = new ArrayList<>();
        for (LocalDate holiday : holidays) {
            exceptions.add(CalendarException.holiday(holiday));
        }
        return new WorkingCalendar(PROJECT_CALENDAR, null, week, exceptions);
    }

    /** Every calendar the network may name: the project's and the stored ones. */
    List<WorkingCalendar> calendars() {
        List<WorkingCalendar> all = new ArrayList<>(imported.values());
        if (importedCalendar() == null) {
            all.add(simpleCalendar());
        }
        return all;
    }

    /**
     * The project starts on its start date at its start time when an import recovered one, else at the
     * calendar's first working time of a normal day (on an imported calendar: the first working instant
     * from that date on).
     */
    LocalDateTime projectStart() {
        if (startTime != null) {
            return startDate.atTime(startTime);
        }
        WorkingCalendar stored = importedCalendar();
        if (stored != null) {
            return WorkingTime.of(stored).nextWorkStart(startDate.atStartOfDay());
        }
        return startDate.atTime(
                periods().get(0).startMinute() / 60, periods().get(0).startMinute() % 60);
    }

    ProjectNetwork network(List<Task> tasks, List<Link> links) {
        // Durations and lags are stored in minutes already; the options only matter for the few rules
        // that count in days. An imported calendar gets Microsoft Project's defaults, as its import did.
        ProjectOptions options = ProjectOptions.DEFAULTS;
        if (importedCalendar() == null) {
            int perDay = periods().stream().mapToInt(WorkingPeriod::minutes).sum();
            options = new ProjectOptions(perDay, perDay * days().size(), 20, 0);
        }
        return new ProjectNetwork(projectStart(), calendar().id(), calendars(), tasks, links, statusDate, options);
    }
}
