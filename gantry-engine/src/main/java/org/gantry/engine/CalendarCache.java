package org.gantry.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled calendars keyed by the calendar value and its bases. Calendars are immutable records, so an
 * equal key means equal working time: rescheduling after an edit to a task finds its tables here.
 */
final class CalendarCache {
    private static final int LIMIT = 512;
    /**
     * Tables grow on demand up to six centuries each (CompiledCalendar.FIRST_DAY to END_DAY), so the count
     * of entries alone does not bound memory: past about four million tabulated days (some 64 MB) the
     * cache starts again. Running schedules keep the calendars they hold.
     */
    private static final long DAY_BUDGET = 4_000_000;

    private static final Map<Object, CompiledCalendar> COMPILED = new ConcurrentHashMap<>();

    private CalendarCache() {}

    static CompiledCalendar compiled(WorkingCalendar calendar, Map<CalendarId, WorkingCalendar> all, long hintDay) {
        List<WorkingCalendar> chain = new ArrayList<>(2);
        WorkingCalendar current = calendar;
        while (current != null) {
            if (chain.contains(current)) {
                throw new ScheduleException(new ScheduleProblem.CalendarCycle(current.id()));
            }
            chain.add(current);
            CalendarId base = current.baseCalendar();
            if (base == null) {
                break;
            }
            current = all.get(base);
            if (current == null) {
                throw new ScheduleException(new ScheduleProblem.UnknownCalendar(
                        base, "calendar " + chain.get(chain.size() - 1).id()));
            }
        }
        List<WorkingCalendar> key = List.copyOf(chain);
        CompiledCalendar found = COMPILED.get(key);
        if (found != null) {
            return found;
        }
        if (COMPILED.size() >= LIMIT || CompiledCalendar.tabulatedDays() > DAY_BUDGET) {
            COMPILED.clear();
            CompiledCalendar.forgetTabulatedDays();
        }
        return COMPILED.computeIfAbsent(key, k -> new CompiledCalendar(key, hintDay));
    }

    /** The working time common to two calendars, cached like the calendars themselves. */
    static CompiledCalendar intersection(
            WorkingCalendar first, WorkingCalendar second, Map<CalendarId, WorkingCalendar> all, long hintDay) {
        CompiledCalendar one = compiled(first, all, hintDay);
        CompiledCalendar other = compiled(second, all, hintDay);
        if (one == other) {
            return one;
        }
        List<Object> key = List.of("intersection", chainOf(first, all), chainOf(second, all));
        CompiledCalendar found = COMPILED.get(key);
        if (found != null) {
            return found;
        }
        return COMPILED.computeIfAbsent(key, k -> new CompiledCalendar(one, other, hintDay));
    }

    private static List<WorkingCalendar> chainOf(WorkingCalendar calendar, Map<CalendarId, WorkingCalendar> all) {
        List<WorkingCalendar> chain = new ArrayList<>(2);
        for (WorkingCalendar current = calendar;
                current != null && !chain.contains(current);
                current = current.baseCalendar() == null ? null : all.get(current.baseCalendar())) {
            chain.add(current);
        }
        return chain;
    }
}
