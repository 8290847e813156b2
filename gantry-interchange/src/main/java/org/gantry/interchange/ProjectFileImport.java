package org.gantry.interchange;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gantry.engine.Assignment;
import org.gantry.engine.CalendarId;
import org.gantry.engine.Constraint;
import org.gantry.engine.ConstraintType;
import org.gantry.engine.DurationUnit;
import org.gantry.engine.Link;
import org.gantry.engine.LinkType;
import org.gantry.engine.Progress;
import org.gantry.engine.ProjectNetwork;
import org.gantry.engine.ProjectOptions;
import org.gantry.engine.Task;
import org.gantry.engine.TaskId;
import org.gantry.engine.TaskType;
import org.gantry.engine.WorkContour;
import org.gantry.engine.WorkDuration;
import org.gantry.engine.WorkingCalendar;
import org.mpxj.Duration;
import org.mpxj.ProjectCalendar;
import org.mpxj.ProjectFile;
import org.mpxj.ProjectProperties;
import org.mpxj.Relation;
import org.mpxj.ResourceAssignment;
import org.mpxj.ResourceType;
import org.mpxj.ScheduleFrom;
import org.mpxj.TaskMode;
import org.mpxj.TimeUnit;

/**
 * Turns an MPXJ {@link ProjectFile} into an engine {@link ProjectNetwork}. Only the inputs of scheduling
 * are carried over (durations, links, constraints, calendars, progress); the dates the file stored are
 * left behind, so the schedule comes from the engine alone.
 */
public final class ProjectFileImport {
    private final ProjectFile file;
    private final ProjectProperties properties;
    private final ProjectOptions options;
    private final Map<Integer, WorkingCalendar> calendars = new LinkedHashMap<>();
    private CalendarFlattening.Range calendarRange;

    private ProjectFileImport(ProjectFile file) {
        this.file = file;
        this.properties = file.getProjectProperties();
        int minutesPerDay = positive(properties.getMinutesPerDay(), 480);
        int minutesPerWeek = positive(properties.getMinutesPerWeek(), 2400);
        int daysPerMonth = positive(properties.getDaysPerMonth(), 20);
        long critical = 0;
        Duration limit = properties.getCriticalSlackLimit();
        if (limit != null) {
            critical =
                    Math.round(limit.convertUnits(TimeUnit.MINUTES, properties).getDuration());
        }
        // "Move start of remaining parts before the status date forward to the status date" (Project's
        // Options > Advanced, calculation options): the remaining work of tasks in progress resumes at the
        // status date.
        this.options = new ProjectOptions(
                minutesPerDay,
                minutesPerWeek,
                daysPerMonth,
                critical,
                properties.getHonorConstraints(),
                properties.getMoveRemainingStartsForward());
    }

    private static int positive(Integer value, int fallback) {
        return value == null || value <= 0 ? fallback : value;
    }

    public static ImportedProject convert(ProjectFile file) {
        return new ProjectFileImport(file).convert();
    }

    private ImportedProject convert() {
        LocalDateTime projectStart = properties.getStartDate();
        findDateRange(projectStart);
        ProjectCalendar defaultCalendar = properties.getDefaultCalendar();
        if (defaultCalendar == null) {
            defaultCalendar =
                    file.getCalendars().isEmpty() ? null : file.getCalendars().get(0);
        }
        CalendarId projectCalendar = defaultCalendar == null ? standardCalendar() : calendarId(defaultCalendar);

        List<Task> tasks = new ArrayList<>();
        Map<TaskId, org.mpxj.Task> sources = new LinkedHashMap<>();
        for (org.mpxj.Task source : file.getTasks()) {
            if (!included(source)) {
                continue;
            }
            Task task = task(source);
            tasks.add(task);
            sources.put(task.id(), source);
        }
        List<Link> links = new ArrayList<>();
        for (org.mpxj.Task source : file.getTasks()) {
            if (!included(source)) {
                continue;
            }
            for (Relation relation : source.getPredecessors()) {
                org.mpxj.Task predecessor = relation.getPredecessorTask();
                org.mpxj.Task successor = relation.getSuccessorTask();
                if (predecessor == null || successor == null || !included(predecessor) || !included(successor)) {
                    continue;
                }
                if (predecessor == successor) {
                    continue;
                }
                links.add(new Link(idOf(predecessor), idOf(successor), linkType(relation), lag(relation.getLag())));
            }
        }
        ProjectNetwork network = new ProjectNetwork(
                projectStart,
                projectCalendar,
                new ArrayList<>(calendars.values()),
                tasks,
                links,
                properties.getStatusDate(),
                options);
        if (properties.getScheduleFrom() == ScheduleFrom.FINISH && properties.getFinishDate() != null) {
            // "Schedule from: Project Finish Date": the finish the file gives is fixed and the engine
            // schedules back from it.
            network = network.withProjectFinish(properties.getFinishDate());
        }
        return new ImportedProject(file, network, sources);
    }

    /** The project summary row (ID 0) and blank rows are not tasks. */
    static boolean included(org.mpxj.Task task) {
        if (task.getNull()) {
            return false;
        }
        Integer id = task.getID();
        return !(id != null && id == 0 && task.getOutlineLevel() != null && task.getOutlineLevel() == 0)
                && !(id != null && id == 0 && task.getParentTask() == null && task.getSummary());
    }

    static TaskId idOf(org.mpxj.Task task) {
        return TaskId.of(String.valueOf(task.getUniqueID()));
    }

    private Task task(org.mpxj.Task source) {
        org.mpxj.Task parentTask = source.getParentTask();
        TaskId parent = parentTask != null && included(parentTask) ? idOf(parentTask) : null;
        Constraint constraint = constraint(source);
        ProjectCalendar calendar = source.getCalendar();
        // A task from another project keeps the dates that project gave it, like a manually scheduled one.
        boolean manual = source.getTaskMode() == TaskMode.MANUALLY_SCHEDULED
                || (source.getExternalTask() && source.getStart() != null && source.getFinish() != null);
        return new Task(
                idOf(source),
                parent,
                source.getName(),
                duration(source.getDuration()),
                constraint,
                source.getDeadline(),
                calendar == null ? null : calendarId(calendar),
                source.getMilestone(),
                source.getActive(),
                manual,
                manual ? source.getStart() : null,
                manual ? source.getFinish() : null,
                taskType(source.getType()),
                assignments(source),
                progress(source),
                levelingDelay(source.getLevelingDelay()),
                splitTime(source));
    }

    private Constraint constraint(org.mpxj.Task source) {
        org.mpxj.ConstraintType type = source.getConstraintType();
        LocalDateTime date = source.getConstraintDate();
        if (type == null) {
            return Constraint.AS_SOON_AS_POSSIBLE;
        }
        ConstraintType mapped =
                switch (type) {
                    case AS_LATE_AS_POSSIBLE -> ConstraintType.AS_LATE_AS_POSSIBLE;
                    case START_NO_EARLIER_THAN -> ConstraintType.START_NO_EARLIER_THAN;
                    case START_NO_LATER_THAN -> ConstraintType.START_NO_LATER_THAN;
                    case FINISH_NO_EARLIER_THAN -> ConstraintType.FINISH_NO_EARLIER_THAN;
                    case FINISH_NO_LATER_THAN -> ConstraintType.FINISH_NO_LATER_THAN;
                    case MUST_START_ON, START_ON -> ConstraintType.MUST_START_ON;
                    case MUST_FINISH_ON, FINISH_ON -> ConstraintType.MUST_FINISH_ON;
                    default -> ConstraintType.AS_SOON_AS_POSSIBLE;
                };
        if (mapped != ConstraintType.AS_SOON_AS_POSSIBLE
                && mapped != ConstraintType.AS_LATE_AS_POSSIBLE
                && date == null) {
            return Constraint.AS_SOON_AS_POSSIBLE;
        }
        return Constraint.of(mapped, date);
    }

    private static TaskType taskType(org.mpxj.TaskType type) {
        if (type == null) {
            return TaskType.FIXED_UNITS;
        }
        return switch (type) {
            case FIXED_DURATION -> TaskType.FIXED_DURATION;
            case FIXED_WORK -> TaskType.FIXED_WORK;
            default -> TaskType.FIXED_UNITS;
        };
    }

    private List<Assignment> assignments(org.mpxj.Task source) {
        List<Assignment> result = new ArrayList<>();
        for (ResourceAssignment assignment : source.getResourceAssignments()) {
            if (assignment.getResource() == null
                    || assignment.getResource().getType() != ResourceType.WORK
                    || assignment.getUnits() == null
                    || assignment.getUnits().doubleValue() <= 0
                    || assignment.getWork() == null) {
                continue;
            }
            // The resource's own calendar: the engine combines it with the task's calendar, as Project
            // does, unless the task ignores resource calendars.
            ProjectCalendar calendar = source.getIgnoreResourceCalendar()
                    ? null
                    : assignment.getResource().getCalendar();
            if (calendar == null) {
                calendar = source.getEffectiveCalendar();
            }
            if (calendar == null) {
                continue;
            }
            Duration remainingWork = assignment.getRemainingWork();
            Duration overtime = assignment.getOvertimeWork();
            Duration remainingOvertime = assignment.getRemainingOvertimeWork();
            // Project starts an assignment's work its Delay plus its Leveling Delay (set when levelling
            // adjusts individual assignments) after the task starts.
            Duration delay = plus(assignment.getDelay(), assignment.getLevelingDelay());
            double units = assignment.getUnits().doubleValue() / 100.0;
            WorkContour contour = contour(assignment.getWorkContour());
            if (contour == WorkContour.CONTOURED && source.getDuration() != null) {
                // A hand-edited contour has no shape to compute with: its average pace is its regular work
                // spread over the task's duration.
                double regular = duration(assignment.getWork()).value()
                        - (overtime == null ? 0 : duration(overtime).value());
                double span = duration(source.getDuration()).value();
                if (span > 0 && regular > 0) {
                    units = regular / span;
                }
                contour = WorkContour.FLAT;
            }
            result.add(new Assignment(
                    String.valueOf(assignment.getResource().getUniqueID()),
                    calendarId(calendar),
                    units,
                    duration(assignment.getWork()),
                    remainingWork == null ? null : duration(remainingWork),
                    overtime == null ? null : duration(overtime),
                    remainingOvertime == null ? null : duration(remainingOvertime),
                    delay == null ? null : duration(delay),
                    contour));
        }
        return result;
    }

    private Duration plus(Duration delay, Duration levellingDelay) {
        if (levellingDelay == null || levellingDelay.getDuration() <= 0) {
            return delay;
        }
        if (delay == null || delay.getDuration() <= 0) {
            return levellingDelay;
        }
        return Duration.getInstance(
                delay.convertUnits(TimeUnit.MINUTES, properties).getDuration()
                        + levellingDelay
                                .convertUnits(TimeUnit.MINUTES, properties)
                                .getDuration(),
                TimeUnit.MINUTES);
    }

    private static WorkContour contour(org.mpxj.WorkContour contour) {
        if (contour == null || contour == org.mpxj.WorkContour.FLAT) {
            return WorkContour.FLAT;
        }
        org.mpxj.WorkContour[] known = {
            org.mpxj.WorkContour.BACK_LOADED, org.mpxj.WorkContour.FRONT_LOADED, org.mpxj.WorkContour.DOUBLE_PEAK,
            org.mpxj.WorkContour.EARLY_PEAK, org.mpxj.WorkContour.LATE_PEAK, org.mpxj.WorkContour.BELL,
            org.mpxj.WorkContour.TURTLE, org.mpxj.WorkContour.CONTOURED
        };
        WorkContour[] ours = {
            WorkContour.BACK_LOADED, WorkContour.FRONT_LOADED, WorkContour.DOUBLE_PEAK, WorkContour.EARLY_PEAK,
            WorkContour.LATE_PEAK, WorkContour.BELL, WorkContour.TURTLE, WorkContour.CONTOURED
        };
        for (int k = 0; k < known.length; k++) {
            if (contour == known[k]) {
                return ours[k];
            }
        }
        return contour.isContourManual() ? WorkContour.CONTOURED : WorkContour.FLAT;
    }

    private Progress progress(org.mpxj.Task source) {
        LocalDateTime actualStart = source.getActualStart();
        LocalDateTime actualFinish = actualStart == null ? null : source.getActualFinish();
        double percent = source.getPercentageComplete() == null
                ? 0
                : source.getPercentageComplete().doubleValue();
        percent = Math.max(0, Math.min(100, percent));
        Duration remaining = source.getRemainingDuration();
        return new Progress(actualStart, actualFinish, percent, remaining == null ? null : duration(remaining));
    }

    /** Project keeps levelling delay in elapsed units; a delay given in working units is taken as elapsed too. */
    private WorkDuration levelingDelay(Duration delay) {
        if (delay == null || delay.getDuration() <= 0 || delay.getUnits() == TimeUnit.PERCENT) {
            return WorkDuration.ZERO;
        }
        WorkDuration converted = duration(delay);
        return converted.unit().elapsed()
                ? converted
                : new WorkDuration(converted.value(), DurationUnit.ELAPSED_MINUTES);
    }

    /**
     * MPXJ lists a split task's segments with the interruptions between them (working, gap, working...);
     * the gaps' working time lengthens the task's span.
     */
    private WorkDuration splitTime(org.mpxj.Task source) {
        List<org.mpxj.LocalDateTimeRange> splits = source.getSplits();
        if (splits == null || splits.size() < 3 || source.getSummary()) {
            return WorkDuration.ZERO;
        }
        ProjectCalendar calendar = source.getEffectiveCalendar();
        if (calendar == null) {
            return WorkDuration.ZERO;
        }
        double minutes = 0;
        for (int k = 1; k < splits.size(); k += 2) {
            org.mpxj.LocalDateTimeRange gap = splits.get(k);
            if (gap.getStart() == null || gap.getEnd() == null) {
                continue;
            }
            minutes += calendar.getWork(gap.getStart(), gap.getEnd(), TimeUnit.MINUTES)
                    .getDuration();
        }
        return WorkDuration.minutes(Math.max(0, minutes));
    }

    private static LinkType linkType(Relation relation) {
        return switch (relation.getType()) {
            case START_START -> LinkType.START_START;
            case FINISH_FINISH -> LinkType.FINISH_FINISH;
            case START_FINISH -> LinkType.START_FINISH;
            default -> LinkType.FINISH_START;
        };
    }

    private WorkDuration lag(Duration lag) {
        if (lag == null || lag.getDuration() == 0) {
            return WorkDuration.ZERO;
        }
        if (lag.getUnits() == TimeUnit.PERCENT || lag.getUnits() == TimeUnit.ELAPSED_PERCENT) {
            return WorkDuration.percent(lag.getDuration());
        }
        return duration(lag);
    }

    /** Durations go over as minutes: working minutes, or elapsed minutes for elapsed units. */
    WorkDuration duration(Duration duration) {
        if (duration == null) {
            return WorkDuration.ZERO;
        }
        TimeUnit unit = duration.getUnits();
        double value = duration.getDuration();
        if (unit == null) {
            return WorkDuration.minutes(value);
        }
        return switch (unit) {
            case ELAPSED_MINUTES -> new WorkDuration(value, DurationUnit.ELAPSED_MINUTES);
            case ELAPSED_HOURS -> new WorkDuration(value * 60, DurationUnit.ELAPSED_MINUTES);
            case ELAPSED_DAYS -> new WorkDuration(value * 1440, DurationUnit.ELAPSED_MINUTES);
            case ELAPSED_WEEKS -> new WorkDuration(value * 1440 * 7, DurationUnit.ELAPSED_MINUTES);
            case ELAPSED_MONTHS -> new WorkDuration(value * 1440 * 30, DurationUnit.ELAPSED_MINUTES);
            case ELAPSED_YEARS -> new WorkDuration(value * 1440 * 365, DurationUnit.ELAPSED_MINUTES);
            case PERCENT, ELAPSED_PERCENT -> WorkDuration.ZERO;
            default ->
                WorkDuration.minutes(
                        duration.convertUnits(TimeUnit.MINUTES, properties).getDuration());
        };
    }

    // ----- calendars -----

    private void findDateRange(LocalDateTime projectStart) {
        LocalDate first = projectStart.toLocalDate();
        LocalDate last = first;
        for (org.mpxj.Task task : file.getTasks()) {
            for (LocalDateTime date : new LocalDateTime[] {
                task.getStart(),
                task.getFinish(),
                task.getEarlyStart(),
                task.getEarlyFinish(),
                task.getLateStart(),
                task.getLateFinish(),
                task.getConstraintDate(),
                task.getActualStart(),
                task.getActualFinish(),
                task.getDeadline()
            }) {
                if (date == null) {
                    continue;
                }
                LocalDate day = date.toLocalDate();
                if (day.isBefore(first)) {
                    first = day;
                }
                if (day.isAfter(last)) {
                    last = day;
                }
            }
        }
        calendarRange = CalendarFlattening.Range.around(first, last);
    }

    private CalendarId standardCalendar() {
        WorkingCalendar standard = WorkingCalendar.standard(CalendarId.of("standard"));
        calendars.putIfAbsent(Integer.MIN_VALUE, standard);
        return standard.id();
    }

    private CalendarId calendarId(ProjectCalendar calendar) {
        Integer key = calendar.getUniqueID() == null ? System.identityHashCode(calendar) : calendar.getUniqueID();
        WorkingCalendar converted = calendars.get(key);
        if (converted == null) {
            converted = CalendarFlattening.flatten(CalendarId.of("calendar-" + key), calendar, calendarRange);
            calendars.put(key, converted);
        }
        return converted.id();
    }
}
