package org.gantry.server.interchange;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gantry.engine.ConstraintType;
import org.gantry.engine.TaskType;
import org.gantry.engine.WorkContour;
import org.gantry.interchange.Plan;
import org.gantry.interchange.PlanAssignment;
import org.gantry.interchange.PlanBaseline;
import org.gantry.interchange.PlanCalendar;
import org.gantry.interchange.PlanCalendarException;
import org.gantry.interchange.PlanDay;
import org.gantry.interchange.PlanDuration;
import org.gantry.interchange.PlanLink;
import org.gantry.interchange.PlanPeriod;
import org.gantry.interchange.PlanProperties;
import org.gantry.interchange.PlanRate;
import org.gantry.interchange.PlanResource;
import org.gantry.interchange.PlanResourceKind;
import org.gantry.interchange.PlanTask;
import org.gantry.interchange.PlanTaskKind;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Holiday;
import org.gantry.server.project.Permission;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectService;
import org.gantry.server.project.WorkingCalendar;
import org.gantry.server.project.WorkingHours;
import org.gantry.server.shared.StoredCalendars;
import org.gantry.server.task.Assignee;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project as a {@link Plan} for the exports: its calendars (those an import stored, or the project's simple
 * calendar), its tasks in outline order with their scheduling fields, its links, its resources and
 * assignments (and the people assigned to tasks, as resources), and its baselines. Task, resource and
 * assignment ids are the keys, so an exported file names them as Gantry does. Reads each kind of row in one
 * query, so a 10,000-task project exports in a handful of statements.
 */
@Service
public class PlanExport {
    /** The key of the project's simple calendar, unless an imported calendar already uses it. */
    private static final String SIMPLE_CALENDAR_KEY = "1";

    private final ProjectService projects;
    private final TaskService tasks;
    private final JdbcClient jdbc;

    PlanExport(ProjectService projects, TaskService tasks, JdbcClient jdbc) {
        this.projects = projects;
        this.tasks = tasks;
        this.jdbc = jdbc;
    }

    /** The task fields an import keeps beyond what the task service shows. */
    private record TaskDetails(
            ConstraintType constraintType,
            LocalDateTime constraintDate,
            LocalDateTime deadline,
            TaskType taskType,
            boolean effortDriven,
            Long workMinutes,
            String calendarKey,
            boolean manuallyScheduled,
            boolean active,
            LocalDateTime actualStart,
            LocalDateTime actualFinish,
            Integer sourcePriority,
            String sourceWbs,
            String sourceWbsOutline,
            String sourceDurationUnit,
            Long sourceDurationMinutes,
            PlanDuration levellingDelay) {
        static final TaskDetails NONE = new TaskDetails(
                ConstraintType.AS_SOON_AS_POSSIBLE,
                null,
                null,
                TaskType.FIXED_UNITS,
                false,
                null,
                null,
                false,
                true,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Transactional(readOnly = true)
    public Plan plan(CurrentUser user, String projectRef) {
        Project project = projects.get(user, projectRef);
        // Rates and costs are money: an export by a member or stakeholder leaves them out.
        boolean seesCosts = projects.access(user, projectRef).can(Permission.SEE_COSTS);
        List<Task> outline = tasks.outline(user, projectRef);
        long projectId = project.id();
        WorkingCalendar calendar = project.calendar();
        int minutesPerDay = minutesPerDay(calendar);
        Map<String, Object> settings = jdbc.sql("select calendar_key, status_date from project where id = ?")
                .param(projectId)
                .query((rs, row) -> {
                    Map<String, Object> values = new HashMap<>();
                    values.put("calendar", rs.getString(1));
                    values.put("status", rs.getObject(2, LocalDateTime.class));
                    return values;
                })
                .single();
        List<PlanCalendar> calendars = new ArrayList<>(jdbc.sql(
                        "select definition::text from project_calendar where project_id = ? order by position, calendar_key")
                .param(projectId)
                .query((rs, row) -> StoredCalendars.read(rs.getString(1)))
                .list());
        String calendarKey = (String) settings.get("calendar");
        if (calendarKey == null || !keyUsed(calendars, calendarKey)) {
            String simpleKey = SIMPLE_CALENDAR_KEY;
            for (int n = 2; keyUsed(calendars, simpleKey); n++) {
                simpleKey = "gantry-" + n;
            }
            calendars.add(0, calendar(simpleKey, calendar));
            calendarKey = simpleKey;
        }
        PlanProperties properties = new PlanProperties(
                project.name(),
                null,
                project.startDate().atTime(firstHour(calendar)),
                null,
                (LocalDateTime) settings.get("status"),
                calendarKey,
                minutesPerDay,
                minutesPerDay * Math.max(1, calendar.workingDays().size()),
                PlanProperties.STANDARD_DAYS_PER_MONTH,
                project.currency(),
                null,
                false,
                "Gantry");
        Map<Long, TaskDetails> details = new HashMap<>();
        jdbc.sql("""
                select id, constraint_type, constraint_date, deadline, task_type, effort_driven, work_minutes,
                calendar_key,
                manually_scheduled, active, actual_start, actual_finish, source_priority,
                source_wbs, source_wbs_outline, source_duration_unit, source_duration_minutes,
                levelling_delay_minutes, levelling_delay_elapsed from task
                where project_id = ?
                """)
                .param(projectId)
                .query((rs, row) -> details.put(
                        rs.getLong("id"),
                        new TaskDetails(
                                constraintType(rs.getString("constraint_type")),
                                rs.getObject("constraint_date", LocalDateTime.class),
                                rs.getObject("deadline", LocalDateTime.class),
                                taskType(rs.getString("task_type")),
                                rs.getBoolean("effort_driven"),
                                (Long) rs.getObject("work_minutes", Long.class),
                                rs.getString("calendar_key"),
                                rs.getBoolean("manually_scheduled"),
                                rs.getBoolean("active"),
                                rs.getObject("actual_start", LocalDateTime.class),
                                rs.getObject("actual_finish", LocalDateTime.class),
                                (Integer) rs.getObject("source_priority", Integer.class),
                                rs.getString("source_wbs"),
                                rs.getString("source_wbs_outline"),
                                rs.getString("source_duration_unit"),
                                (Long) rs.getObject("source_duration_minutes", Long.class),
                                levellingDelay(
                                        rs.getLong("levelling_delay_minutes"),
                                        rs.getBoolean("levelling_delay_elapsed")))))
                .list();

        List<PlanResource> resources = new ArrayList<>();
        Map<Long, String> resourceOfUser = new HashMap<>();
        jdbc.sql("""
                select id, name, initials, email, group_name, kind, material_label, max_units, standard_rate,
                standard_rate_per, overtime_rate, overtime_rate_per, cost_per_use, calendar_key, notes,
                user_id from resource where project_id = ? order by id
                """)
                .param(projectId)
                .query((rs, row) -> {
                    String key = String.valueOf(rs.getLong("id"));
                    Long userId = (Long) rs.getObject("user_id", Long.class);
                    if (userId != null) {
                        resourceOfUser.putIfAbsent(userId, key);
                    }
                    String notes = rs.getString("notes");
                    return resources.add(new PlanResource(
                            key,
                            rs.getString("name"),
                            rs.getString("initials"),
                            rs.getString("email"),
                            rs.getString("group_name"),
                            resourceKind(rs.getString("kind")),
                            rs.getString("material_label"),
                            rs.getBigDecimal("max_units").doubleValue(),
                            seesCosts
                                    ? rate(rs.getBigDecimal("standard_rate"), rs.getString("standard_rate_per"))
                                    : null,
                            seesCosts
                                    ? rate(rs.getBigDecimal("overtime_rate"), rs.getString("overtime_rate_per"))
                                    : null,
                            seesCosts ? rs.getBigDecimal("cost_per_use") : null,
                            rs.getString("calendar_key"),
                            notes == null || notes.isEmpty() ? null : notes));
                })
                .list();
        List<PlanAssignment> assignments = new ArrayList<>();
        Set<String> assigned = new HashSet<>();
        jdbc.sql("""
                select id, task_id, resource_id, units, work_minutes, actual_work_minutes, remaining_work_minutes,
                start_at, finish_at, contour, levelling_delay_minutes from assignment where project_id = ?
                order by id
                """)
                .param(projectId)
                .query((rs, row) -> {
                    String taskKey = String.valueOf(rs.getLong("task_id"));
                    String resourceKey = String.valueOf(rs.getLong("resource_id"));
                    assigned.add(taskKey + "/" + resourceKey);
                    return assignments.add(new PlanAssignment(
                            String.valueOf(rs.getLong("id")),
                            taskKey,
                            resourceKey,
                            rs.getBigDecimal("units").doubleValue(),
                            rs.getLong("work_minutes"),
                            rs.getLong("actual_work_minutes"),
                            rs.getLong("remaining_work_minutes"),
                            rs.getObject("start_at", LocalDateTime.class),
                            rs.getObject("finish_at", LocalDateTime.class),
                            contour(rs.getString("contour")),
                            rs.getLong("levelling_delay_minutes")));
                })
                .list();

        List<PlanTask> planTasks = new ArrayList<>();
        Map<Long, PlanResource> people = new LinkedHashMap<>();
        for (Task task : outline) {
            PlanTaskKind kind = task.summary()
                    ? PlanTaskKind.SUMMARY
                    : task.milestone() ? PlanTaskKind.MILESTONE : PlanTaskKind.TASK;
            TaskDetails more = details.getOrDefault(task.id(), TaskDetails.NONE);
            planTasks.add(new PlanTask(
                    String.valueOf(task.id()),
                    task.parentId() == null ? null : String.valueOf(task.parentId()),
                    task.outlineLevel(),
                    wbs(task, more),
                    task.name(),
                    task.description() == null || task.description().isBlank() ? null : task.description(),
                    kind,
                    more.manuallyScheduled(),
                    more.active(),
                    more.taskType(),
                    more.effortDriven(),
                    duration(task, more),
                    more.workMinutes(),
                    task.start(),
                    task.finish(),
                    more.constraintType(),
                    more.constraintDate(),
                    more.deadline(),
                    task.percentComplete(),
                    more.actualStart(),
                    more.actualFinish(),
                    priority(task.priority(), more.sourcePriority()),
                    more.calendarKey(),
                    more.levellingDelay()));
            // People assigned on the task's page are resources too, unless a resource already stands for them.
            for (Assignee assignee : task.assignees()) {
                String resourceKey = resourceOfUser.get(assignee.id());
                if (resourceKey == null) {
                    resourceKey = "user-" + assignee.id();
                    String key = resourceKey;
                    people.computeIfAbsent(assignee.id(), id -> PlanResource.person(key, assignee.name()));
                }
                if (!assigned.add(task.id() + "/" + resourceKey)) {
                    continue;
                }
                long work = task.summary() ? 0 : task.durationMinutes();
                assignments.add(new PlanAssignment(
                        task.id() + "/" + resourceKey,
                        String.valueOf(task.id()),
                        resourceKey,
                        100,
                        work,
                        Math.round(work * task.percentComplete() / 100.0),
                        work - Math.round(work * task.percentComplete() / 100.0),
                        task.start(),
                        task.finish(),
                        WorkContour.FLAT));
            }
        }
        resources.addAll(people.values());

        List<PlanLink> planLinks = jdbc.sql("""
                select predecessor_id, successor_id, link_type, lag_minutes, lag_unit
                from task_link where project_id = ? order by id
                """)
                .param(projectId)
                .query((rs, row) -> new PlanLink(
                        String.valueOf(rs.getLong(1)),
                        String.valueOf(rs.getLong(2)),
                        linkType(org.gantry.server.task.LinkType.of(rs.getString(3))),
                        new PlanDuration(rs.getLong(4), unit(serverUnit(rs.getString(5)))),
                        null))
                .list();
        List<PlanBaseline> baselines = jdbc.sql("""
                select task_id, slot, start_at, finish_at, duration_minutes,
                duration_unit, work_minutes, cost from task_baseline where project_id = ?
                order by task_id, slot
                """)
                .param(projectId)
                .query((rs, row) -> {
                    Long minutes = (Long) rs.getObject("duration_minutes", Long.class);
                    return new PlanBaseline(
                            rs.getInt("slot"),
                            String.valueOf(rs.getLong("task_id")),
                            rs.getObject("start_at", LocalDateTime.class),
                            rs.getObject("finish_at", LocalDateTime.class),
                            minutes == null
                                    ? null
                                    : new PlanDuration(minutes, engineUnit(rs.getString("duration_unit"))),
                            (Long) rs.getObject("work_minutes", Long.class),
                            seesCosts ? rs.getBigDecimal("cost") : null);
                })
                .list();
        return new Plan(properties, calendars, planTasks, planLinks, resources, assignments, baselines, List.of());
    }

    private static boolean keyUsed(List<PlanCalendar> calendars, String key) {
        return calendars.stream().anyMatch(c -> c.key().equals(key));
    }

    private static PlanRate rate(BigDecimal amount, String per) {
        return amount == null ? null : new PlanRate(amount, engineUnit(per == null ? "HOURS" : per));
    }

    /**
     * The file's WBS code while the task's outline number is still the one it had at import; otherwise (moved,
     * indented, or renumbered by a sibling's move) Gantry's number, so a stale code is never exported.
     */
    private static String wbs(Task task, TaskDetails more) {
        return more.sourceWbs() != null && task.wbs() != null && task.wbs().equals(more.sourceWbsOutline())
                ? more.sourceWbs()
                : task.wbs();
    }

    /**
     * The task's length in the file's unit (elapsed days, months...) while it has the length it was imported with
     * and the unit import showed it in; once either is edited in Gantry, in Gantry's unit.
     */
    private static PlanDuration duration(Task task, TaskDetails more) {
        if (more.sourceDurationUnit() != null
                && more.sourceDurationMinutes() != null
                && more.sourceDurationMinutes() == task.durationMinutes()) {
            org.gantry.engine.DurationUnit source = engineUnit(more.sourceDurationUnit());
            PlanDuration kept = new PlanDuration(task.durationMinutes(), source);
            if (source.name().equals(more.sourceDurationUnit()) && PlanImport.unit(kept) == task.durationUnit()) {
                return kept;
            }
        }
        return new PlanDuration(task.durationMinutes(), unit(task.durationUnit()));
    }

    /** A unit name as the import stored it; days when the row has none or one this version does not know. */
    private static org.gantry.engine.DurationUnit engineUnit(String name) {
        if (name != null) {
            try {
                org.gantry.engine.DurationUnit unit = org.gantry.engine.DurationUnit.valueOf(name);
                if (unit != org.gantry.engine.DurationUnit.PERCENT) {
                    return unit;
                }
            } catch (IllegalArgumentException unknown) {
                // falls through to days
            }
        }
        return org.gantry.engine.DurationUnit.DAYS;
    }

    private static org.gantry.server.task.DurationUnit serverUnit(String name) {
        try {
            return name == null
                    ? org.gantry.server.task.DurationUnit.DAYS
                    : org.gantry.server.task.DurationUnit.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return org.gantry.server.task.DurationUnit.DAYS;
        }
    }

    private static ConstraintType constraintType(String name) {
        try {
            return name == null ? ConstraintType.AS_SOON_AS_POSSIBLE : ConstraintType.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return ConstraintType.AS_SOON_AS_POSSIBLE;
        }
    }

    private static TaskType taskType(String name) {
        try {
            return name == null ? TaskType.FIXED_UNITS : TaskType.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return TaskType.FIXED_UNITS;
        }
    }

    private static WorkContour contour(String name) {
        try {
            return name == null ? WorkContour.FLAT : WorkContour.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return WorkContour.FLAT;
        }
    }

    private static PlanResourceKind resourceKind(String name) {
        try {
            return name == null ? PlanResourceKind.WORK : PlanResourceKind.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return PlanResourceKind.WORK;
        }
    }

    private static PlanCalendar calendar(String key, WorkingCalendar calendar) {
        List<PlanPeriod> periods = calendar.workingHours().stream()
                .map(hours -> new PlanPeriod(hours.from(), hours.to()))
                .toList();
        Map<DayOfWeek, PlanDay> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(
                    day,
                    calendar.workingDays().contains(day)
                            ? new PlanDay(PlanDay.Kind.WORKING, periods)
                            : PlanDay.NON_WORKING);
        }
        List<PlanCalendarException> holidays = new ArrayList<>();
        for (Holiday holiday : calendar.holidays()) {
            holidays.add(new PlanCalendarException(holiday.name(), holiday.date(), holiday.date(), List.of(), null));
        }
        return new PlanCalendar(key, "Standard", null, week, List.of(), holidays);
    }

    private static int minutesPerDay(WorkingCalendar calendar) {
        int minutes = 0;
        for (WorkingHours hours : calendar.workingHours()) {
            int to = hours.to().equals(LocalTime.MIDNIGHT) ? 1440 : hours.to().toSecondOfDay() / 60;
            minutes += to - hours.from().toSecondOfDay() / 60;
        }
        return minutes <= 0 ? PlanProperties.STANDARD_MINUTES_PER_DAY : minutes;
    }

    private static LocalTime firstHour(WorkingCalendar calendar) {
        return calendar.workingHours().isEmpty()
                ? LocalTime.of(8, 0)
                : calendar.workingHours().get(0).from();
    }

    private static org.gantry.engine.DurationUnit unit(org.gantry.server.task.DurationUnit unit) {
        if (unit == null) {
            return org.gantry.engine.DurationUnit.DAYS;
        }
        return switch (unit) {
            case MINUTES -> org.gantry.engine.DurationUnit.MINUTES;
            case HOURS -> org.gantry.engine.DurationUnit.HOURS;
            case DAYS -> org.gantry.engine.DurationUnit.DAYS;
            case WEEKS -> org.gantry.engine.DurationUnit.WEEKS;
        };
    }

    /** A stored levelling delay as the file carries it: elapsed days (or working days for a working delay). */
    private static PlanDuration levellingDelay(long minutes, boolean elapsed) {
        if (minutes <= 0) {
            return null;
        }
        return new PlanDuration(
                minutes, elapsed ? org.gantry.engine.DurationUnit.ELAPSED_DAYS : org.gantry.engine.DurationUnit.DAYS);
    }

    /**
     * The imported priority while it still falls in the task's level (so a level changed in Gantry wins),
     * otherwise the middle of the level.
     */
    private static int priority(org.gantry.server.task.Priority priority, Integer sourcePriority) {
        if (priority == null) {
            return PlanTask.DEFAULT_PRIORITY;
        }
        if (sourcePriority != null && PlanImport.priority(sourcePriority) == priority) {
            return sourcePriority;
        }
        return switch (priority) {
            case LOW -> 300;
            case NORMAL -> 500;
            case HIGH -> 700;
            case CRITICAL -> 900;
        };
    }

    private static org.gantry.engine.LinkType linkType(org.gantry.server.task.LinkType type) {
        return switch (type) {
            case FINISH_START -> org.gantry.engine.LinkType.FINISH_START;
            case START_START -> org.gantry.engine.LinkType.START_START;
            case FINISH_FINISH -> org.gantry.engine.LinkType.FINISH_FINISH;
            case START_FINISH -> org.gantry.engine.LinkType.START_FINISH;
        };
    }
}
