package org.gantry.server.calendar;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gantry.engine.WorkingTime;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Holiday;
import org.gantry.server.project.Permission;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.schedule.ProjectScheduler;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.PlanDates;
import org.gantry.server.shared.StaleVersion;
import org.gantry.server.task.StatusService;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskChanges;
import org.gantry.server.task.TaskService;
import org.gantry.server.task.TaskStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A project's calendar: a month (weeks as rows, Monday to Sunday) or one week, each task a bar from its
 * start day to its finish day and each milestone a diamond. Dropping a bar on another day moves the
 * task's start there and keeps its working duration; the answer is the re-rendered calendar. As in the
 * list view, a refused move answers an htmx request with 200 and the failure in the notice's
 * {@code data-status} (Chromium logs every 4xx as a console error), and a plain request with the status.
 */
@Controller
class CalendarPages {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    /** What the person is looking at; sent back with every move so the answer shows the same view. */
    record CalendarQuery(String view, String date, Long assignee, Boolean summaries) {
        boolean week() {
            return "week".equals(view);
        }

        boolean withSummaries() {
            return Boolean.TRUE.equals(summaries);
        }

        LocalDate anchor(ZoneId zone) {
            try {
                LocalDate anchor = date == null || date.isBlank() ? LocalDate.now(zone) : LocalDate.parse(date);
                // A page of the year 999,999,999 cannot be laid out (its next month does not exist).
                return PlanDates.contains(anchor) ? anchor : LocalDate.now(zone);
            } catch (DateTimeParseException e) {
                return LocalDate.now(zone);
            }
        }
    }

    private final ProjectService projects;
    private final TaskService tasks;
    private final StatusService statuses;
    private final CalendarFeeds feeds;
    private final ProjectScheduler scheduler;

    CalendarPages(
            ProjectService projects,
            TaskService tasks,
            StatusService statuses,
            CalendarFeeds feeds,
            ProjectScheduler scheduler) {
        this.projects = projects;
        this.tasks = tasks;
        this.statuses = statuses;
        this.feeds = feeds;
        this.scheduler = scheduler;
    }

    @GetMapping("/projects/{key}/calendar")
    String page(CurrentUser user, @PathVariable String key, CalendarQuery query, Model model) {
        Project project = projects.get(user, key);
        model.addAttribute("tab", "calendar");
        model.addAttribute("projectFeedUrl", feedUrl(feeds.projectSecret(user, project.key())));
        model.addAttribute("personalFeedUrl", feedUrl(feeds.personalSecret(user)));
        model.addAttribute(
                "canRegenerate", projects.access(user, key).can(Permission.EDIT_PROJECT) && !project.archived());
        board(user, project, query, null, model);
        return "calendar/calendar";
    }

    @PostMapping("/projects/{key}/calendar/tasks/{id}/move")
    String move(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam String day,
            @RequestParam Integer version,
            CalendarQuery query,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Project project = projects.get(user, key);
        CalendarNotice notice = null;
        try {
            LocalDate wanted = LocalDate.parse(day);
            if (!PlanDates.contains(wanted)) {
                throw new InvalidInput("day", PlanDates.MESSAGE);
            }
            Task moved = moveStart(user, project, id, wanted, version);
            // A weekend or holiday, or a predecessor that finishes later (once the project is
            // rescheduled), puts the start elsewhere than the drop: say where, so nothing looks lost.
            if (moved.start() != null && !moved.start().toLocalDate().equals(wanted)) {
                notice = new CalendarNotice(
                        id,
                        "info",
                        moved.name() + " starts on "
                                + moved.start().toLocalDate().format(DAY) + ", not " + wanted.format(DAY)
                                + ": the working calendar or its dependencies put it there.",
                        200);
            }
        } catch (DateTimeParseException e) {
            notice = new CalendarNotice(id, "error", "That is not a day: " + day + ".", 400);
        } catch (StaleVersion e) {
            notice = new CalendarNotice(
                    id,
                    "stale",
                    "Someone else changed this task; here it is as it is now. Drag it again" + " to move it.",
                    409);
        } catch (InvalidInput e) {
            notice = new CalendarNotice(
                    id,
                    "error",
                    "The task cannot move there: "
                            + String.join(
                                    "; ",
                                    e.errors().stream()
                                            .map(problem -> problem.field() + " " + problem.message())
                                            .toList())
                            + ".",
                    400);
        } catch (Forbidden e) {
            notice = new CalendarNotice(id, "error", e.getMessage(), 403);
        } catch (NotFound e) {
            notice = new CalendarNotice(id, "error", "This task no longer exists; someone deleted it.", 404);
        } catch (Conflict e) {
            notice = new CalendarNotice(id, "error", e.getMessage(), 409);
        }
        if (notice != null && !"true".equals(request.getHeader("HX-Request"))) {
            response.setStatus(notice.status());
        }
        board(user, project, query, notice, model);
        return "calendar/calendar :: board";
    }

    @PostMapping("/projects/{key}/calendar/feed")
    String regenerateProjectFeed(CurrentUser user, @PathVariable String key, CalendarQuery query) {
        feeds.regenerateProjectSecret(user, key);
        return "redirect:/projects/" + key + "/calendar?regenerated=project" + back(query);
    }

    @PostMapping("/projects/{key}/calendar/my-feed")
    String regeneratePersonalFeed(CurrentUser user, @PathVariable String key, CalendarQuery query) {
        feeds.regeneratePersonalSecret(user);
        return "redirect:/projects/" + key + "/calendar?regenerated=personal" + back(query);
    }

    /**
     * Moves the start to the first working moment of {@code day} and keeps the working duration. The
     * finish is computed here on the project calendar (the engine's working time, so an imported
     * calendar counts as in the Gantt) and the duration is sent along unchanged, so the
     * move is right with or without the scheduling module: with it, TaskService turns the typed start
     * into a start-no-earlier-than constraint (as Microsoft Project does when a bar is dragged) and the
     * given duration keeps the finish from being read as a new duration; the reschedule may then put
     * the task later than the drop day when a predecessor requires it.
     */
    private Task moveStart(CurrentUser user, Project project, long taskId, LocalDate day, Integer version) {
        Task task = tasks.get(user, project.key(), taskId).task();
        if (task.summary()) {
            throw new InvalidInput("start", "a summary task's dates come from its subtasks; move those instead");
        }
        WorkingTime workingTime = scheduler.workingTime(project.id());
        LocalDateTime start = CalendarLayout.startOfWorkOnOrAfter(workingTime, day);
        long minutes = task.milestone() ? 0 : task.durationMinutes();
        LocalDateTime finish = workingTime.add(start, minutes);
        TaskChanges changes = new TaskChanges(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                minutes,
                task.durationUnit(),
                start,
                finish,
                null,
                null,
                null,
                null,
                null,
                version);
        return tasks.update(user, project.key(), taskId, changes);
    }

    private void board(CurrentUser user, Project project, CalendarQuery query, CalendarNotice notice, Model model) {
        ZoneId zone = ZoneId.of(project.timeZone());
        LocalDate today = LocalDate.now(zone);
        LocalDate anchor = query.anchor(zone);
        LocalDate periodStart;
        LocalDate periodEnd;
        String title;
        LocalDate previous;
        LocalDate next;
        if (query.week()) {
            periodStart = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            periodEnd = periodStart.plusDays(6);
            title = "Week of " + periodStart.format(DAY);
            previous = anchor.minusWeeks(1);
            next = anchor.plusWeeks(1);
        } else {
            periodStart = anchor.withDayOfMonth(1);
            periodEnd = anchor.with(TemporalAdjusters.lastDayOfMonth());
            title = anchor.format(MONTH);
            previous = periodStart.minusMonths(1);
            next = periodStart.plusMonths(1);
        }
        List<Task> shown = tasks.outline(user, project.key()).stream()
                .filter(task -> query.withSummaries() || !task.summary())
                .filter(task ->
                        query.assignee() == null || task.assignees().stream().anyMatch(a -> a.id() == query.assignee()))
                .toList();
        Map<LocalDate, String> holidays = new LinkedHashMap<>();
        for (Holiday holiday : project.calendar().holidays()) {
            holidays.put(
                    holiday.date(), holiday.name() == null || holiday.name().isBlank() ? "Holiday" : holiday.name());
        }
        Map<String, TaskStatus> statusByKey = new LinkedHashMap<>();
        statuses.list(user, project.key()).forEach(status -> statusByKey.put(status.key(), status));
        ProjectAccess access = projects.access(user, project.key());
        long undated = shown.stream()
                .filter(task -> CalendarLayout.daysOf(task) == null)
                .count();

        model.addAttribute("project", project);
        model.addAttribute("me", user);
        model.addAttribute("members", projects.members(user, project.key()));
        model.addAttribute("assignee", query.assignee());
        model.addAttribute("summaries", query.withSummaries());
        model.addAttribute("summariesParam", query.withSummaries() ? Boolean.TRUE : null);
        model.addAttribute("view", query.week() ? "week" : "month");
        model.addAttribute("anchor", anchor);
        model.addAttribute("title", title);
        model.addAttribute("previous", previous);
        model.addAttribute("next", next);
        model.addAttribute("today", today);
        model.addAttribute(
                "weeks",
                CalendarLayout.weeks(
                        periodStart,
                        periodEnd,
                        periodStart,
                        periodEnd,
                        shown,
                        scheduler.workingTime(project.id()),
                        holidays,
                        today));
        model.addAttribute("statuses", statusByKey);
        model.addAttribute("undated", undated);
        model.addAttribute("canEdit", access.can(Permission.EDIT_TASKS) && !project.archived());
        model.addAttribute("notice", notice);
    }

    private static String feedUrl(String secret) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/ical/{secret}.ics")
                .buildAndExpand(secret)
                .toUriString();
    }

    private static String back(CalendarQuery query) {
        StringBuilder params = new StringBuilder();
        if (query.view() != null) {
            params.append("&view=").append(query.week() ? "week" : "month");
        }
        if (query.date() != null && query.date().matches("\\d{4}-\\d{2}-\\d{2}")) {
            params.append("&date=").append(query.date());
        }
        return params.toString();
    }
}
