package org.gantry.engine;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Working-time arithmetic on one calendar, exact to the minute: add or subtract working minutes, measure
 * the working minutes between two instants, find the next working instant. {@code bases} must hold the
 * calendar's base calendars, if any.
 */
public final class WorkingTime {
    private final CompiledCalendar calendar;

    private WorkingTime(CompiledCalendar calendar) {
        this.calendar = calendar;
    }

    public static WorkingTime of(WorkingCalendar calendar, List<WorkingCalendar> bases) {
        Map<CalendarId, WorkingCalendar> all = new HashMap<>();
        bases.forEach(base -> all.put(base.id(), base));
        all.put(calendar.id(), calendar);
        long today = java.time.LocalDate.now().toEpochDay();
        return new WorkingTime(CalendarCache.compiled(calendar, all, today));
    }

    public static WorkingTime of(WorkingCalendar calendar) {
        return of(calendar, List.of());
    }

    /**
     * The instant {@code minutes} of work after {@code from}: the end of the last working minute, so a full
     * day from Monday 08:00 ends Monday 17:00, not Tuesday 08:00.
     */
    public LocalDateTime add(LocalDateTime from, long minutes) {
        return CompiledCalendar.toInstant(calendar.add(CompiledCalendar.toMinutes(from), minutes));
    }

    /** The instant {@code minutes} of work before {@code from}: the start of a working minute. */
    public LocalDateTime subtract(LocalDateTime from, long minutes) {
        return CompiledCalendar.toInstant(calendar.add(CompiledCalendar.toMinutes(from), -minutes));
    }

    /** Working minutes from {@code from} to {@code to}; negative when {@code to} is earlier. */
    public long workBetween(LocalDateTime from, LocalDateTime to) {
        return calendar.workBetween(CompiledCalendar.toMinutes(from), CompiledCalendar.toMinutes(to));
    }

    /** The first instant at or after {@code from} that is working time. */
    public LocalDateTime nextWorkStart(LocalDateTime from) {
        return CompiledCalendar.toInstant(calendar.nextWorkStart(CompiledCalendar.toMinutes(from)));
    }

    /** The last instant at or before {@code from} that ends working time. */
    public LocalDateTime previousWorkFinish(LocalDateTime from) {
        return CompiledCalendar.toInstant(calendar.previousWorkFinish(CompiledCalendar.toMinutes(from)));
    }

    public boolean isWorking(LocalDateTime instant) {
        long at = CompiledCalendar.toMinutes(instant);
        return calendar.workingOffset(at + 1) > calendar.workingOffset(at);
    }
}
