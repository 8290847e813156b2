package org.gantry.interchange;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gantry.engine.CalendarId;
import org.gantry.engine.ProjectNetwork;
import org.gantry.engine.Schedule;
import org.gantry.engine.ScheduleException;
import org.gantry.engine.ScheduledTask;
import org.gantry.engine.Scheduler;
import org.gantry.engine.WorkingCalendar;
import org.gantry.engine.WorkingTime;
import org.mpxj.ProjectFile;
import org.mpxj.Relation;

/**
 * What the user reads after an import: the file's tasks rescheduled by Gantry's engine (the schedule check's
 * conversion), and every task whose start or finish moved, with both values and what holds Gantry's date:
 * recorded progress, a constraint, a predecessor, or the project start. {@code problem} is set, and the
 * list empty, when the plan cannot be scheduled (a dependency loop, say).
 */
public record ImportReport(List<DateDifference> differences, String problem) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    public ImportReport {
        differences = List.copyOf(differences);
    }

    /** Reschedules what MPXJ read and compares every active task with the dates the file stored. */
    static ImportReport of(ProjectFile file) {
        if (file.getProjectProperties().getStartDate() == null) {
            return new ImportReport(List.of(), "The file gives no project start, so Gantry cannot reschedule it.");
        }
        ImportedProject imported;
        Schedule schedule;
        try {
            imported = ProjectFileImport.convert(file);
            schedule = Scheduler.schedule(imported.network());
        } catch (ScheduleException e) {
            return new ImportReport(List.of(), "Gantry cannot schedule this plan: " + e.getMessage());
        } catch (RuntimeException e) {
            return new ImportReport(List.of(), "Gantry cannot schedule this plan: " + e);
        }
        ProjectNetwork network = imported.network();
        Map<CalendarId, WorkingCalendar> calendars = new HashMap<>();
        network.calendars().forEach(c -> calendars.put(c.id(), c));
        Map<CalendarId, WorkingTime> clocks = new HashMap<>();
        List<DateDifference> differences = new ArrayList<>();
        for (org.gantry.engine.Task task : network.tasks()) {
            org.mpxj.Task source = imported.sources().get(task.id());
            ScheduledTask ours = schedule.task(task.id());
            if (!source.getActive() || ours.start() == null || source.getStart() == null) {
                continue;
            }
            CalendarId calendarId = task.calendar() == null ? network.projectCalendar() : task.calendar();
            WorkingTime clock = clocks.computeIfAbsent(
                    calendarId, id -> WorkingTime.of(calendars.get(id), List.copyOf(calendars.values())));
            boolean sameStart = ScheduleCheck.sameInstant(source.getStart(), ours.start(), clock, false);
            boolean sameFinish = source.getFinish() == null
                    || ScheduleCheck.sameInstant(source.getFinish(), ours.finish(), clock, false);
            if (sameStart && sameFinish) {
                continue;
            }
            differences.add(new DateDifference(
                    PlanReader.key(source),
                    source.getName(),
                    source.getStart(),
                    source.getFinish(),
                    ours.start(),
                    ours.finish(),
                    reason(source, ours, schedule, clock, network.projectStart())));
        }
        return new ImportReport(differences, null);
    }

    private static String reason(
            org.mpxj.Task source,
            ScheduledTask ours,
            Schedule schedule,
            WorkingTime clock,
            LocalDateTime projectStart) {
        if (ours.summary()) {
            return "a summary spans its subtasks, which moved";
        }
        if (source.getActualStart() != null) {
            return "the file records progress (actual start " + WHEN.format(source.getActualStart())
                    + "); Gantry schedules the remaining work from the status date";
        }
        org.mpxj.ConstraintType constraint = source.getConstraintType();
        LocalDateTime constraintDate = source.getConstraintDate();
        if (constraint != null
                && constraintDate != null
                && (ScheduleCheck.sameInstant(constraintDate, ours.start(), clock, false)
                        || ScheduleCheck.sameInstant(constraintDate, ours.finish(), clock, false))) {
            return "its constraint holds it (" + PlanTable.constraintName(PlanReader.constraintType(constraint)) + " "
                    + WHEN.format(constraintDate) + ")";
        }
        List<String> drivers = new ArrayList<>();
        for (Relation relation : source.getPredecessors()) {
            org.mpxj.Task predecessor = relation.getPredecessorTask();
            if (predecessor == null || !ProjectFileImport.included(predecessor)) {
                continue;
            }
            ScheduledTask theirs = schedule.task(PlanReader.key(predecessor));
            if (theirs == null || theirs.finish() == null) {
                continue;
            }
            String type = relation.getType().toString();
            String lag =
                    relation.getLag() == null || relation.getLag().getDuration() == 0 ? "" : "+" + relation.getLag();
            boolean drives =
                    switch (relation.getType()) {
                        case FINISH_START -> !ours.start().isBefore(theirs.finish());
                        case START_START -> !ours.start().isBefore(theirs.start());
                        case FINISH_FINISH -> !ours.finish().isBefore(theirs.finish());
                        case START_FINISH -> !ours.finish().isBefore(theirs.start());
                    };
            if (drives) {
                drivers.add("'" + predecessor.getName() + "' (" + type + lag + ", now finishing "
                        + WHEN.format(theirs.finish()) + ")");
            }
        }
        if (!drivers.isEmpty()) {
            return "it follows its predecessor" + (drivers.size() > 1 ? "s " : " ")
                    + String.join(", ", drivers.subList(0, Math.min(3, drivers.size())));
        }
        if (ScheduleCheck.sameInstant(projectStart, ours.start(), clock, false)) {
            return "nothing holds it later than the project start";
        }
        return "its duration on its calendar gives these dates";
    }
}
