package org.gantry.server.collaboration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.FieldProblem;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.PageOf;
import org.gantry.server.web.PageProblems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The project's Activity page (filter by person, kind and days; paged; CSV export of the same filter)
 * and the History section of a task's panel.
 */
@Controller
class ActivityPages {

    private static final int PAGE_SIZE = 50;

    private final ActivityService activity;
    private final ProjectService projects;

    ActivityPages(ActivityService activity, ProjectService projects) {
        this.activity = activity;
        this.projects = projects;
    }

    @GetMapping("/projects/{key}/activity")
    String feed(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) String person,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        ProjectAccess access = projects.access(user, key);
        model.addAttribute("project", projects.get(user, key));
        model.addAttribute("canEdit", access.can(Permission.EDIT_TASKS) && !access.archived());
        model.addAttribute("members", projects.members(user, key));
        model.addAttribute(
                "kinds",
                List.of(
                        "task",
                        "link",
                        "assignee",
                        "comment",
                        "attachment",
                        "member",
                        "status",
                        "resource",
                        "assignment",
                        "holiday",
                        "project",
                        "risk",
                        "raid entry",
                        "change request",
                        "scheduler"));
        model.addAttribute("person", person == null ? "" : person);
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        PageOf<ActivityEntry> entries = new PageOf<>(List.of(), 0, PAGE_SIZE, 0);
        try {
            ActivityFilter filter = new ActivityFilter(
                    blank(person) ? null : parseLong(person),
                    blank(kind) ? null : kind,
                    day("from", from),
                    day("to", to));
            entries = activity.feed(user, key, filter, Math.max(page, 0), PAGE_SIZE);
        } catch (InvalidInput e) {
            model.addAttribute(
                    "filterError",
                    String.join(
                            "; ",
                            e.errors().stream()
                                    .map(FieldProblem::field)
                                    .distinct()
                                    .map(field -> field + ": "
                                            + e.errors().stream()
                                                    .filter(p -> p.field().equals(field))
                                                    .map(FieldProblem::message)
                                                    .findFirst()
                                                    .orElse(""))
                                    .toList()));
        }
        model.addAttribute("entries", entries);
        model.addAttribute("zone", access.timeZone());
        model.addAttribute(
                "exportUrl",
                query("/api/v1/projects/" + access.key() + "/activity/export", person, kind, from, to, null));
        model.addAttribute(
                "previousUrl",
                entries.page() > 0
                        ? query("/projects/" + access.key() + "/activity", person, kind, from, to, entries.page() - 1)
                        : null);
        model.addAttribute(
                "nextUrl",
                (long) (entries.page() + 1) * entries.size() < entries.total()
                        ? query("/projects/" + access.key() + "/activity", person, kind, from, to, entries.page() + 1)
                        : null);
        return "collaboration/activity";
    }

    @GetMapping("/projects/{key}/tasks/{taskId}/history")
    String taskHistory(CurrentUser user, @PathVariable String key, @PathVariable long taskId, Model model) {
        ProjectAccess access = projects.access(user, key);
        model.addAttribute("history", activity.taskHistory(user, key, taskId, 50));
        model.addAttribute("zone", access.timeZone());
        model.addAttribute("projectKey", access.key());
        model.addAttribute("taskId", taskId);
        return "collaboration/history :: history";
    }

    private static String query(String path, String person, String kind, String from, String to, Integer page) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        if (!blank(person)) {
            builder.queryParam("person", person);
        }
        if (!blank(kind)) {
            builder.queryParam("kind", kind);
        }
        if (!blank(from)) {
            builder.queryParam("from", from);
        }
        if (!blank(to)) {
            builder.queryParam("to", to);
        }
        if (page != null) {
            builder.queryParam("page", page);
        }
        return builder.encode().build().toUriString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Long parseLong(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("person", "is not a person of this project");
        }
    }

    private static LocalDate day(String field, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be a date like 2026-12-04");
        }
    }

    @ExceptionHandler({NotFound.class, Forbidden.class, Conflict.class})
    String refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return PageProblems.refusal(e, request, response, model);
    }
}
