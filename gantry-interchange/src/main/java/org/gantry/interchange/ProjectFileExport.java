package org.gantry.interchange;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gantry.engine.DurationUnit;
import org.gantry.engine.WorkContour;
import org.mpxj.Availability;
import org.mpxj.CostRateTable;
import org.mpxj.CostRateTableEntry;
import org.mpxj.DayType;
import org.mpxj.Duration;
import org.mpxj.LocalDateRange;
import org.mpxj.LocalTimeRange;
import org.mpxj.Priority;
import org.mpxj.ProjectCalendar;
import org.mpxj.ProjectCalendarDays;
import org.mpxj.ProjectCalendarException;
import org.mpxj.ProjectCalendarHours;
import org.mpxj.ProjectCalendarWeek;
import org.mpxj.ProjectFile;
import org.mpxj.ProjectProperties;
import org.mpxj.Rate;
import org.mpxj.RecurrenceType;
import org.mpxj.RecurringData;
import org.mpxj.Relation;
import org.mpxj.RelationType;
import org.mpxj.Resource;
import org.mpxj.ResourceAssignment;
import org.mpxj.ResourceType;
import org.mpxj.ScheduleFrom;
import org.mpxj.TaskMode;
import org.mpxj.TimeUnit;

/**
 * Builds an MPXJ {@link ProjectFile} from a {@link Plan}, for MPXJ's writers (MSPDI, XER). Keys that are
 * whole numbers become the unique ids (so a file read and written again keeps its ids); other keys get the
 * next free number.
 */
final class ProjectFileExport {
    /** MPXJ's own open-ended range, which its writers turn into "no start" and "no end". */
    private static final LocalDateTime ALWAYS_FROM = CostRateTableEntry.DEFAULT_ENTRY.getStartDate();

    private static final LocalDateTime ALWAYS_TO = CostRateTableEntry.DEFAULT_ENTRY.getEndDate();

    private final Plan plan;
    private final PlanProperties properties;
    private final ProjectFile file = new ProjectFile();
    private final Map<String, ProjectCalendar> calendars = new HashMap<>();
    private final Map<String, org.mpxj.Task> tasks = new HashMap<>();
    private final Map<String, Resource> resources = new HashMap<>();

    private ProjectFileExport(Plan plan) {
        this.plan = plan;
        this.properties = plan.properties();
    }

    static ProjectFile toProjectFile(Plan plan) {
        return new ProjectFileExport(plan).build();
    }

    private ProjectFile build() {
        file.getProjectConfig().setAutoTaskUniqueID(false);
        file.getProjectConfig().setAutoResourceUniqueID(false);
        file.getProjectConfig().setAutoCalendarUniqueID(false);
        file.getProjectConfig().setAutoAssignmentUniqueID(false);
        file.getProjectConfig().setAutoTaskID(false);
        file.getProjectConfig().setAutoResourceID(false);
        file.getProjectConfig().setAutoRelationUniqueID(true);
        writeProperties();
        writeCalendars();
        writeResources();
        writeTasks();
        writeLinks();
        writeAssignments();
        writeBaselines();
        return file;
    }

    private void writeProperties() {
        ProjectProperties target = file.getProjectProperties();
        target.setName(properties.name());
        target.setProjectTitle(properties.name());
        target.setAuthor(properties.author());
        target.setStartDate(properties.start());
        target.setFinishDate(properties.finish());
        target.setStatusDate(properties.statusDate());
        target.setMinutesPerDay(properties.minutesPerDay());
        target.setMinutesPerWeek(properties.minutesPerWeek());
        target.setDaysPerMonth(properties.daysPerMonth());
        target.setMinutesPerMonth(properties.minutesPerDay() * properties.daysPerMonth());
        target.setMinutesPerYear(properties.minutesPerDay() * properties.daysPerMonth() * 12);
        if (properties.currencyCode() != null) {
            target.setCurrencyCode(properties.currencyCode());
        }
        if (properties.currencySymbol() != null) {
            target.setCurrencySymbol(properties.currencySymbol());
        }
        target.setScheduleFrom(properties.scheduledFromFinish() ? ScheduleFrom.FINISH : ScheduleFrom.START);
    }

    // ----- calendars -----

    private void writeCalendars() {
        Ids ids = new Ids(plan.calendars().stream().map(PlanCalendar::key).toList());
        Map<String, PlanCalendar> byKey = new HashMap<>();
        plan.calendars().forEach(c -> byKey.put(c.key(), c));
        // Base calendars first: a derived calendar needs its base to exist.
        Set<String> visiting = new HashSet<>();
        for (PlanCalendar calendar : plan.calendars()) {
            writeCalendar(calendar, byKey, ids, visiting);
        }
        ProjectCalendar projectCalendar =
                properties.calendarKey() == null ? null : calendars.get(properties.calendarKey());
        if (projectCalendar == null) {
            projectCalendar = calendars.isEmpty()
                    ? null
                    : calendars.get(plan.calendars().get(0).key());
        }
        if (projectCalendar == null) {
            projectCalendar = file.addDefaultBaseCalendar();
            projectCalendar.setUniqueID(ids.next());
        }
        file.getProjectProperties().setDefaultCalendar(projectCalendar);
    }

    private ProjectCalendar writeCalendar(
            PlanCalendar calendar, Map<String, PlanCalendar> byKey, Ids ids, Set<String> visiting) {
        ProjectCalendar written = calendars.get(calendar.key());
        if (written != null) {
            return written;
        }
        ProjectCalendar base = null;
        if (calendar.baseKey() != null && byKey.containsKey(calendar.baseKey()) && visiting.add(calendar.key())) {
            base = writeCalendar(byKey.get(calendar.baseKey()), byKey, ids, visiting);
        }
        ProjectCalendar target = file.addCalendar();
        target.setUniqueID(ids.of(calendar.key()));
        target.setName(calendar.name());
        target.setParent(base);
        writeWeek(target, calendar.week(), base != null);
        for (PlanWorkWeek workWeek : calendar.workWeeks()) {
            ProjectCalendarWeek week = target.addWorkWeek();
            week.setName(workWeek.name());
            week.setDateRange(new LocalDateRange(workWeek.from(), workWeek.to()));
            writeWeek(week, workWeek.week(), true);
        }
        for (PlanCalendarException exception : calendar.exceptions()) {
            ProjectCalendarException target2 = exception.recurrence() == null
                    ? target.addCalendarException(exception.from(), exception.to())
                    : target.addCalendarException(recurring(exception.recurrence()));
            target2.setName(exception.name());
            addPeriods(target2, exception.periods());
        }
        calendars.put(calendar.key(), target);
        return target;
    }

    private static void writeWeek(ProjectCalendarDays target, Map<DayOfWeek, PlanDay> week, boolean mayInherit) {
        for (DayOfWeek day : DayOfWeek.values()) {
            PlanDay planDay = week.get(day);
            switch (planDay.kind()) {
                case WORKING -> {
                    target.setCalendarDayType(day, DayType.WORKING);
                    addPeriods(target.addCalendarHours(day), planDay.periods());
                }
                case NON_WORKING -> {
                    target.setCalendarDayType(day, DayType.NON_WORKING);
                    target.addCalendarHours(day);
                }
                case INHERITED -> {
                    if (mayInherit) {
                        target.setCalendarDayType(day, DayType.DEFAULT);
                    } else {
                        // A calendar without a base has nothing to inherit: Microsoft Project's defaults apply.
                        PlanDay standard = PlanDay.standard(day);
                        target.setCalendarDayType(
                                day, standard.kind() == PlanDay.Kind.WORKING ? DayType.WORKING : DayType.NON_WORKING);
                        addPeriods(target.addCalendarHours(day), standard.periods());
                    }
                }
            }
        }
    }

    private static void addPeriods(ProjectCalendarHours hours, List<PlanPeriod> periods) {
        for (PlanPeriod period : periods) {
            hours.add(new LocalTimeRange(period.start(), period.finish()));
        }
    }

    private static RecurringData recurring(PlanRecurrence recurrence) {
        RecurringData data = new RecurringData();
        data.setRecurrenceType(
                switch (recurrence.pattern()) {
                    case DAILY -> RecurrenceType.DAILY;
                    case WEEKLY -> RecurrenceType.WEEKLY;
                    case MONTHLY -> RecurrenceType.MONTHLY;
                    case YEARLY -> RecurrenceType.YEARLY;
                });
        data.setFrequency(recurrence.frequency());
        data.setStartDate(recurrence.start());
        data.setFinishDate(recurrence.finish());
        data.setUseEndDate(recurrence.finish() != null);
        data.setOccurrences(recurrence.occurrences());
        data.setRelative(recurrence.relative());
        data.setDayNumber(recurrence.dayNumber());
        // MPXJ keeps the relative weekday in the same set as the weekly days.
        if (recurrence.dayOfWeek() != null) {
            data.setDayOfWeek(recurrence.dayOfWeek());
        }
        for (DayOfWeek day : recurrence.weekDays()) {
            data.setWeeklyDay(day, true);
        }
        data.setMonthNumber(recurrence.month());
        return data;
    }

    // ----- resources -----

    private void writeResources() {
        Ids ids = new Ids(plan.resources().stream().map(PlanResource::key).toList());
        int row = 1;
        for (PlanResource resource : plan.resources()) {
            Resource target = file.addResource();
            target.setUniqueID(ids.of(resource.key()));
            target.setID(row++);
            target.setName(resource.name());
            target.setInitials(resource.initials());
            target.setEmailAddress(resource.email());
            target.setGroup(resource.group());
            target.setType(
                    switch (resource.kind()) {
                        case MATERIAL -> ResourceType.MATERIAL;
                        case COST -> ResourceType.COST;
                        case WORK -> ResourceType.WORK;
                    });
            if (resource.kind() == PlanResourceKind.MATERIAL) {
                if (resource.materialLabel() != null) {
                    target.setUnitOfMeasure(
                            file.getUnitsOfMeasure().getOrCreateByAbbreviation(resource.materialLabel()));
                }
            }
            if (resource.kind() != PlanResourceKind.COST) {
                target.getAvailability().add(new Availability(ALWAYS_FROM, ALWAYS_TO, resource.maxUnits()));
            }
            if (resource.standardRate() != null || resource.overtimeRate() != null || resource.costPerUse() != null) {
                CostRateTable table = new CostRateTable();
                table.add(new CostRateTableEntry(
                        ALWAYS_FROM,
                        ALWAYS_TO,
                        resource.costPerUse(),
                        rate(resource.standardRate()),
                        rate(resource.overtimeRate())));
                target.setCostRateTable(0, table);
            }
            if (resource.calendarKey() != null && calendars.containsKey(resource.calendarKey())) {
                target.setCalendar(calendars.get(resource.calendarKey()));
            }
            target.setNotes(resource.notes());
            resources.put(resource.key(), target);
        }
    }

    private static Rate rate(PlanRate rate) {
        if (rate == null) {
            return Rate.ZERO;
        }
        return new Rate(rate.amount(), timeUnit(rate.per()));
    }

    // ----- tasks -----

    private void writeTasks() {
        Ids ids = new Ids(plan.tasks().stream().map(PlanTask::key).toList());
        int row = 1;
        for (PlanTask task : plan.tasks()) {
            org.mpxj.Task parent = task.parentKey() == null ? null : tasks.get(task.parentKey());
            if (parent != null && parent.getWBS() == null) {
                parent.setWBS(""); // MPXJ derives a child's WBS from its parent's; the real one is set below
            }
            org.mpxj.Task target = parent == null ? file.addTask() : parent.addTask();
            target.setUniqueID(ids.of(task.key()));
            target.setID(row++);
            target.setOutlineLevel(task.outlineLevel());
            target.setWBS(task.wbs());
            target.setName(task.name());
            target.setNotes(task.notes());
            target.setSummary(task.kind() == PlanTaskKind.SUMMARY);
            target.setMilestone(task.kind() == PlanTaskKind.MILESTONE);
            target.setTaskMode(task.manuallyScheduled() ? TaskMode.MANUALLY_SCHEDULED : TaskMode.AUTO_SCHEDULED);
            target.setActive(task.active());
            target.setType(
                    switch (task.taskType()) {
                        case FIXED_DURATION -> org.mpxj.TaskType.FIXED_DURATION;
                        case FIXED_WORK -> org.mpxj.TaskType.FIXED_WORK;
                        case FIXED_UNITS -> org.mpxj.TaskType.FIXED_UNITS;
                    });
            target.setEffortDriven(task.effortDriven());
            target.setDuration(duration(task.duration()));
            if (task.workMinutes() != null) {
                target.setWork(work(task.workMinutes()));
            }
            target.setStart(task.start());
            target.setFinish(task.finish());
            target.setConstraintType(constraintType(task.constraintType()));
            target.setConstraintDate(task.constraintDate());
            target.setDeadline(task.deadline());
            target.setPercentageComplete(task.percentComplete());
            target.setActualStart(task.actualStart());
            target.setActualFinish(task.actualFinish());
            target.setPriority(Priority.getInstance(task.priority()));
            if (task.levellingDelay() != null && task.levellingDelay().minutes() > 0) {
                // Project keeps levelling delay in elapsed days; a file opened there schedules to the same dates.
                target.setLevelingDelay(duration(task.levellingDelay()));
            }
            if (task.calendarKey() != null && calendars.containsKey(task.calendarKey())) {
                target.setCalendar(calendars.get(task.calendarKey()));
            }
            tasks.put(task.key(), target);
        }
        for (PlanTask task : plan.tasks()) {
            tasks.get(task.key()).setWBS(task.wbs());
        }
    }

    private static org.mpxj.ConstraintType constraintType(org.gantry.engine.ConstraintType type) {
        return switch (type) {
            case AS_SOON_AS_POSSIBLE -> org.mpxj.ConstraintType.AS_SOON_AS_POSSIBLE;
            case AS_LATE_AS_POSSIBLE -> org.mpxj.ConstraintType.AS_LATE_AS_POSSIBLE;
            case START_NO_EARLIER_THAN -> org.mpxj.ConstraintType.START_NO_EARLIER_THAN;
            case START_NO_LATER_THAN -> org.mpxj.ConstraintType.START_NO_LATER_THAN;
            case FINISH_NO_EARLIER_THAN -> org.mpxj.ConstraintType.FINISH_NO_EARLIER_THAN;
            case FINISH_NO_LATER_THAN -> org.mpxj.ConstraintType.FINISH_NO_LATER_THAN;
            case MUST_START_ON -> org.mpxj.ConstraintType.MUST_START_ON;
            case MUST_FINISH_ON -> org.mpxj.ConstraintType.MUST_FINISH_ON;
        };
    }

    private void writeLinks() {
        for (PlanLink link : plan.links()) {
            org.mpxj.Task predecessor = tasks.get(link.predecessorKey());
            org.mpxj.Task successor = tasks.get(link.successorKey());
            if (predecessor == null || successor == null) {
                continue;
            }
            Duration lag = link.lagPercent() != null
                    ? Duration.getInstance(link.lagPercent(), TimeUnit.PERCENT)
                    : duration(link.lag());
            successor.addPredecessor(new Relation.Builder()
                    .predecessorTask(predecessor)
                    .type(
                            switch (link.type()) {
                                case FINISH_START -> RelationType.FINISH_START;
                                case START_START -> RelationType.START_START;
                                case FINISH_FINISH -> RelationType.FINISH_FINISH;
                                case START_FINISH -> RelationType.START_FINISH;
                            })
                    .lag(lag));
        }
    }

    private void writeAssignments() {
        Ids ids = new Ids(plan.assignments().stream().map(PlanAssignment::key).toList());
        for (PlanAssignment assignment : plan.assignments()) {
            org.mpxj.Task task = tasks.get(assignment.taskKey());
            Resource resource = resources.get(assignment.resourceKey());
            if (task == null || resource == null) {
                continue;
            }
            ResourceAssignment target = task.addResourceAssignment(resource);
            target.setUniqueID(ids.of(assignment.key()));
            target.setUnits(assignment.units());
            target.setWork(work(assignment.workMinutes()));
            target.setActualWork(work(assignment.actualWorkMinutes()));
            target.setRemainingWork(work(assignment.remainingWorkMinutes()));
            target.setStart(assignment.start());
            target.setFinish(assignment.finish());
            target.setWorkContour(contour(assignment.contour()));
            if (assignment.levellingDelayMinutes() > 0) {
                target.setLevelingDelay(work(assignment.levellingDelayMinutes()));
            }
        }
    }

    private static org.mpxj.WorkContour contour(WorkContour contour) {
        return switch (contour) {
            case FLAT -> org.mpxj.WorkContour.FLAT;
            case BACK_LOADED -> org.mpxj.WorkContour.BACK_LOADED;
            case FRONT_LOADED -> org.mpxj.WorkContour.FRONT_LOADED;
            case DOUBLE_PEAK -> org.mpxj.WorkContour.DOUBLE_PEAK;
            case EARLY_PEAK -> org.mpxj.WorkContour.EARLY_PEAK;
            case LATE_PEAK -> org.mpxj.WorkContour.LATE_PEAK;
            case BELL -> org.mpxj.WorkContour.BELL;
            case TURTLE -> org.mpxj.WorkContour.TURTLE;
            case CONTOURED -> org.mpxj.WorkContour.CONTOURED;
        };
    }

    private void writeBaselines() {
        for (PlanBaseline baseline : plan.baselines()) {
            org.mpxj.Task task = tasks.get(baseline.taskKey());
            if (task == null) {
                continue;
            }
            int slot = baseline.slot();
            Duration duration = baseline.duration() == null ? null : duration(baseline.duration());
            Duration work = baseline.workMinutes() == null ? null : work(baseline.workMinutes());
            if (slot == 0) {
                task.setBaselineStart(baseline.start());
                task.setBaselineFinish(baseline.finish());
                task.setBaselineDuration(duration);
                task.setBaselineWork(work);
                task.setBaselineCost(baseline.cost());
            } else {
                task.setBaselineStart(slot, baseline.start());
                task.setBaselineFinish(slot, baseline.finish());
                task.setBaselineDuration(slot, duration);
                task.setBaselineWork(slot, work);
                task.setBaselineCost(slot, baseline.cost());
            }
        }
    }

    // ----- values -----

    private Duration duration(PlanDuration duration) {
        return Duration.getInstance(duration.value(properties), timeUnit(duration.unit()));
    }

    /** Work is written in hours, as Microsoft Project shows it by default. */
    private static Duration work(long minutes) {
        return Duration.getInstance(minutes / 60.0, TimeUnit.HOURS);
    }

    static TimeUnit timeUnit(DurationUnit unit) {
        return switch (unit) {
            case MINUTES -> TimeUnit.MINUTES;
            case HOURS -> TimeUnit.HOURS;
            case DAYS -> TimeUnit.DAYS;
            case WEEKS -> TimeUnit.WEEKS;
            case MONTHS -> TimeUnit.MONTHS;
            case ELAPSED_MINUTES -> TimeUnit.ELAPSED_MINUTES;
            case ELAPSED_HOURS -> TimeUnit.ELAPSED_HOURS;
            case ELAPSED_DAYS -> TimeUnit.ELAPSED_DAYS;
            case ELAPSED_WEEKS -> TimeUnit.ELAPSED_WEEKS;
            case ELAPSED_MONTHS -> TimeUnit.ELAPSED_MONTHS;
            case PERCENT -> TimeUnit.PERCENT;
        };
    }

    /** Unique ids for keys: a key that is a positive whole number keeps it; the others get the next free one. */
    private static final class Ids {
        private final Map<String, Integer> assigned = new HashMap<>();
        private final Set<Integer> taken = new HashSet<>();
        private int next = 1;

        Ids(List<String> keys) {
            for (String key : keys) {
                Integer number = number(key);
                if (number != null && taken.add(number)) {
                    assigned.put(key, number);
                }
            }
        }

        private static Integer number(String key) {
            if (key == null || key.isEmpty() || key.length() > 9) {
                return null;
            }
            for (int k = 0; k < key.length(); k++) {
                if (!Character.isDigit(key.charAt(k))) {
                    return null;
                }
            }
            return Integer.valueOf(key);
        }

        int of(String key) {
            Integer id = assigned.get(key);
            if (id == null) {
                id = next();
                assigned.put(key, id);
            }
            return id;
        }

        int next() {
            while (taken.contains(next)) {
                next++;
            }
            taken.add(next);
            return next;
        }
    }
}
