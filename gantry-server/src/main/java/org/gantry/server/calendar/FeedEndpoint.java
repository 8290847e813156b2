package org.gantry.server.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.identity.UserAccount;
import org.gantry.server.identity.UserService;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectService;
import org.gantry.server.project.ProjectSummary;
import org.gantry.server.shared.GantryApi;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.PageOf;
import org.gantry.server.task.StatusService;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskQuery;
import org.gantry.server.task.TaskService;
import org.gantry.server.task.TaskStatus;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /ical/{secret}.ics}: the feed a calendar app subscribes to. There is no login (calendar
 * apps cannot log in): the secret is the credential, and it covers exactly one project's plan or one
 * person's assignments. An unknown or replaced secret, a deactivated person, or a project the person
 * can no longer see answers 404 without saying which.
 *
 * <p>A project feed reads the plan with a read-only feed identity that the services treat as a system
 * admin, because the secret itself is the permission and belongs to no logged-in person; it reads one
 * project and changes nothing. A project's feed keeps working after the project is archived (the plan
 * is then final and still worth seeing); a personal feed covers the person's active projects only.
 */
@GantryApi
class FeedEndpoint {

    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);
    private static final CurrentUser FEED_READER = new CurrentUser(0, "ical-feed@gantry", "iCal feed", true);
    private static final int PAGE = 500;

    private final CalendarFeeds feeds;
    private final ProjectService projects;
    private final TaskService tasks;
    private final StatusService statuses;
    private final UserService users;

    FeedEndpoint(
            CalendarFeeds feeds,
            ProjectService projects,
            TaskService tasks,
            StatusService statuses,
            UserService users) {
        this.feeds = feeds;
        this.projects = projects;
        this.tasks = tasks;
        this.statuses = statuses;
        this.users = users;
    }

    @GetMapping("/ical/{secret}.ics")
    ResponseEntity<String> feed(@PathVariable String secret) {
        CalendarFeeds.Target target = feeds.resolve(secret).orElseThrow(FeedEndpoint::noFeed);
        String body = target instanceof CalendarFeeds.ProjectTarget project
                ? projectFeed(project.projectId())
                : personalFeed(((CalendarFeeds.PersonTarget) target).userId());
        return ResponseEntity.ok()
                .contentType(TEXT_CALENDAR)
                // Calendar apps poll; a private cache keeps shared proxies from holding someone's plan.
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(body);
    }

    private String projectFeed(long projectId) {
        Project project = projects.get(FEED_READER, Long.toString(projectId));
        List<IcalFeed.Entry> entries = entries(FEED_READER, project, tasks.outline(FEED_READER, project.key()));
        return IcalFeed.write(project.key() + " · " + project.name(), entries, false);
    }

    private String personalFeed(long userId) {
        UserAccount account = users.me(new CurrentUser(userId, "", "", false));
        if (!account.active()) {
            throw noFeed();
        }
        CurrentUser person = new CurrentUser(account.id(), account.email(), account.name(), account.systemAdmin());
        List<IcalFeed.Entry> entries = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageOf<ProjectSummary> visible = projects.list(person, null, false, page, PAGE);
            for (ProjectSummary summary : visible.items()) {
                Project project = projects.get(person, summary.key());
                List<Task> assigned = new ArrayList<>();
                for (int taskPage = 0; ; taskPage++) {
                    PageOf<Task> found = tasks.list(
                            person,
                            project.key(),
                            new TaskQuery(taskPage, PAGE, null, person.id(), null, null, null, "wbs"));
                    assigned.addAll(found.items());
                    if ((long) (taskPage + 1) * PAGE >= found.total()) {
                        break;
                    }
                }
                entries.addAll(entries(person, project, assigned));
            }
            if ((long) (page + 1) * PAGE >= visible.total()) {
                break;
            }
        }
        return IcalFeed.write("Gantry · " + account.name(), entries, true);
    }

    private List<IcalFeed.Entry> entries(CurrentUser reader, Project project, List<Task> projectTasks) {
        Map<String, String> statusNames = statuses.list(reader, project.key()).stream()
                .collect(Collectors.toMap(TaskStatus::key, TaskStatus::name, (a, b) -> a));
        java.time.ZoneId zone = java.time.ZoneId.of(project.timeZone());
        String base =
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        Function<Task, String> link = task -> base + "/projects/" + project.key() + "/calendar?date="
                + CalendarLayout.daysOf(task)[0] + "&task=" + task.id();
        return projectTasks.stream()
                .filter(task -> CalendarLayout.daysOf(task) != null)
                .map(task -> new IcalFeed.Entry(task, project.key(), zone, statusNames, link.apply(task)))
                .toList();
    }

    private static NotFound noFeed() {
        return new NotFound("There is no calendar feed at this address.");
    }
}
