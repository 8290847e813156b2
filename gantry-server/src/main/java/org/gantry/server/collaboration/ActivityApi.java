package org.gantry.server.collaboration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.gantry.server.shared.PageOf;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Tag(
        name = "Activity",
        description = "Every change to a project, recorded in the change's transaction: who (person, API token,"
                + " scheduler or system), when, what, and each field's old and new value")
@GantryApi
@RequestMapping("/api/v1/projects/{project}")
class ActivityApi {

    private final ActivityService activity;

    ActivityApi(ActivityService activity) {
        this.activity = activity;
    }

    @Operation(
            summary = "The project's activity feed, newest first",
            description = "person (user id), kind (project, member, holiday, status, task, assignee, link,"
                    + " resource, assignment, comment, or scheduler for dates the engine moved), from and to"
                    + " (days, inclusive, in the project's time zone); page from 0, size 1 to 200")
    @GetMapping("/activity")
    PageOf<ActivityEntry> feed(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) Long person,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return activity.feed(user, project, new ActivityFilter(person, kind, from, to), page, size);
    }

    @Operation(summary = "The activity feed as CSV (same filters), one line per changed field, oldest first")
    @GetMapping("/activity/export")
    void export(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) Long person,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletResponse response)
            throws IOException {
        ActivityFilter filter = new ActivityFilter(person, kind, from, to);
        // Checked (and refused with a problem) before the first byte of CSV goes out.
        activity.feed(user, project, filter, 0, 1);
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(
                "Content-Disposition",
                "attachment; filename=\"" + project.replaceAll("[^A-Za-z0-9_-]", "") + "-activity.csv\"");
        activity.writeCsv(user, project, filter, response.getWriter());
    }

    @Operation(summary = "A task's history, newest first: its changes and those of its assignees, links and comments")
    @GetMapping("/tasks/{taskId}/history")
    List<ActivityEntry> history(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long taskId,
            @RequestParam(defaultValue = "100") int limit) {
        return activity.taskHistory(user, project, taskId, limit);
    }
}
