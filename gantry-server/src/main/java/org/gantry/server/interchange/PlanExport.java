package org.gantry.server.interchange;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gantry.engine.ConstraintType;
import org.gantry.engine.TaskType;
import org.gantry.engine.WorkContour;
import org.gantry.interchange.Plan;
import org.gantry.interchange.PlanAssignment;
import org.gantry.interchange.PlanCalendar;
import org.gantry.interchange.PlanCalendarException;
import org.gantry.interchange.PlanDay;
import org.gantry.interchange.PlanDuration;
import org.gantry.interchange.PlanLink;
import org.gantry.interchange.PlanPeriod;
import org.gantry.interchange.PlanProperties;
import org.gantry.interchange.PlanResource;
import org.gantry.interchange.PlanTask;
import org.gantry.interchange.PlanTaskKind;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Holiday;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectService;
import org.gantry.server.project.WorkingCalendar;
import org.gantry.server.project.WorkingHours;
import org.gantry.server.shared.PageOf;
import org.gantry.server.task.Assignee;
import org.gantry.server.task.Link;
import org.gantry.server.task.LinkService;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A project as a {@link Plan} for the exports: its calendar, its tasks in outline order, its links, and
 * the people assigned as resources. Task ids are the keys, so an exported file names tasks as Gantry does.
 */
@Service
public class PlanExport {
    private static final int PAGE = 500;

    private final ProjectService projects;
    private final TaskService tasks;
    private final LinkService links;

    PlanExport(ProjectService projects, TaskService tasks, LinkService links) {
        this.projects = projects;
        this.tasks = tasks;
        this.links = links;
    }

    @Transactional(readOnly = true)
    public Plan plan(CurrentUser user, String projectRef) {
        Project project = projects.get(user, projectRef);
        List<Task> outline = tasks.outline(user, projectRef);
        WorkingCalendar calendar = project.calendar();
        int minutesPerDay = minutesPerDay(calendar);
        PlanProperties properties = new PlanProperties(
                project.name(),
                null,
                project.startDate().atTime(firstHour(calendar)),
                null,
                null,
                "1",
                minutesPerDay,
                minutesPerDay * Math.max(1, calendar.workingDays().size()),
                PlanProperties.STANDARD_DAYS_PER_MONTH,
                project.currency(),
                null,
                false,
                "Gantry");
        List<PlanTask> planTasks = new ArrayList<>();
        Map<Long, PlanResource> resources = new LinkedHashMap<>();
        List<PlanAssignment> assignments = new ArrayList<>();
        for (Task task : outline) {
            PlanTaskKind kind = task.summary()
                    ? PlanTaskKind.SUMMARY
                    : task.milestone() ? PlanTaskKind.MILESTONE : PlanTaskKind.TASK;
            planTasks.add(new PlanTask(
                    String.valueOf(task.id()),
                    task.parentId() == null ? null : String.valueOf(task.parentId()),
                    task.outlineLevel(),
                    task.wbs(),
                    task.name(),
                    task.description() == null || task.description().isBlank() ? null : task.description(),
                    kind,
                    false,
                    true,
                    TaskType.FIXED_UNITS,
                    new PlanDuration(task.durationMinutes(), unit(task.durationUnit())),
                    null,
                    task.start(),
                    task.finish(),
                    ConstraintType.AS_SOON_AS_POSSIBLE,
                    null,
                    null,
                    task.percentComplete(),
                    null,
                    null,
                    priority(task.priority()),
                    null));
            for (Assignee assignee : task.assignees()) {
                resources.computeIfAbsent(
                        assignee.id(), id -> PlanResource.person(String.valueOf(id), assignee.name()));
                long work = task.summary() ? 0 : task.durationMinutes();
                assignments.add(new PlanAssignment(
                        task.id() + "/" + assignee.id(),
                        String.valueOf(task.id()),
                        String.valueOf(assignee.id()),
                        100,
                        work,
                        Math.round(work * task.percentComplete() / 100.0),
                        work - Math.round(work * task.percentComplete() / 100.0),
                        task.start(),
                        task.finish(),
                        WorkContour.FLAT));
            }
        }
        List<PlanLink> planLinks = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageOf<Link> batch = links.list(user, projectRef, null, page, PAGE);
            for (Link link : batch.items()) {
                planLinks.add(new PlanLink(
                        String.valueOf(link.predecessorId()),
                        String.valueOf(link.successorId()),
                        linkType(link.type()),
                        new PlanDuration(link.lagMinutes(), unit(link.lagUnit())),
                        null));
            }
            if (batch.items().size() < PAGE || (long) (page + 1) * PAGE >= batch.total()) {
                break;
            }
        }
        return new Plan(
                properties,
                List.of(calendar(calendar)),
                planTasks,
                planLinks,
                new ArrayList<>(resources.values()),
                assignments,
                List.of(),
                List.of());
    }

    private static PlanCalendar calendar(WorkingCalendar calendar) {
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
        return new PlanCalendar("1", "Standard", null, week, List.of(), holidays);
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

    private static int priority(org.gantry.server.task.Priority priority) {
        if (priority == null) {
            return PlanTask.DEFAULT_PRIORITY;
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
