package org.gantry.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of the schedule saved into one of Microsoft Project's eleven baseline slots (0 is "Baseline",
 * 1..10 are "Baseline1".."Baseline10"), and the variances of a later schedule against it.
 */
public record Baseline(int slot, Map<TaskId, BaselineTask> tasks) {
    public static final int SLOTS = 11;

    public Baseline {
        if (slot < 0 || slot >= SLOTS) {
            throw new IllegalArgumentException("baseline slot must be 0..10: " + slot);
        }
        tasks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
    }

    /**
     * Captures start, finish, duration, work and cost of every scheduled task. Work is the sum of the
     * assignments' work; {@code costs} gives each task's cost (tasks missing from it cost nothing).
     */
    public static Baseline capture(int slot, ProjectNetwork network, Schedule schedule, Map<TaskId, BigDecimal> costs) {
        Map<TaskId, BaselineTask> captured = new LinkedHashMap<>();
        for (Task task : network.tasks()) {
            ScheduledTask result = schedule.tasks().get(task.id());
            if (result == null || result.start() == null) {
                continue;
            }
            captured.put(
                    task.id(),
                    new BaselineTask(
                            task.id(),
                            result.start(),
                            result.finish(),
                            task.duration().unit() == DurationUnit.PERCENT
                                    ? 0
                                    : task.duration().toMinutes(network.options()),
                            workOf(task, network.options()),
                            costs.getOrDefault(task.id(), BigDecimal.ZERO)));
        }
        return new Baseline(slot, captured);
    }

    /** Variances of every task in both this baseline and the schedule, in network order. */
    public List<Variance> variances(ProjectNetwork network, Schedule schedule, Map<TaskId, BigDecimal> costs) {
        Map<CalendarId, WorkingCalendar> calendars = new HashMap<>();
        network.calendars().forEach(calendar -> calendars.put(calendar.id(), calendar));
        Map<CalendarId, CompiledCalendar> compiled = new HashMap<>();
        long hintDay = network.projectStart().toLocalDate().toEpochDay();
        List<Variance> result = new ArrayList<>();
        for (Task task : network.tasks()) {
            BaselineTask before = tasks.get(task.id());
            ScheduledTask now = schedule.tasks().get(task.id());
            if (before == null || now == null || now.start() == null) {
                continue;
            }
            CalendarId calendarId = task.calendar() == null ? network.projectCalendar() : task.calendar();
            CompiledCalendar calendar = compiled.computeIfAbsent(
                    calendarId, id -> CalendarCache.compiled(calendars.get(id), calendars, hintDay));
            long duration = task.duration().unit() == DurationUnit.PERCENT
                    ? 0
                    : task.duration().toMinutes(network.options());
            result.add(new Variance(
                    task.id(),
                    calendar.workBetween(
                            CompiledCalendar.toMinutes(before.start()), CompiledCalendar.toMinutes(now.start())),
                    calendar.workBetween(
                            CompiledCalendar.toMinutes(before.finish()), CompiledCalendar.toMinutes(now.finish())),
                    duration - before.durationMinutes(),
                    workOf(task, network.options()) - before.workMinutes(),
                    costs.getOrDefault(task.id(), BigDecimal.ZERO).subtract(before.cost())));
        }
        return result;
    }

    private static long workOf(Task task, ProjectOptions options) {
        long work = 0;
        for (Assignment assignment : task.assignments()) {
            work += assignment.work().toMinutes(options);
        }
        return work;
    }
}
