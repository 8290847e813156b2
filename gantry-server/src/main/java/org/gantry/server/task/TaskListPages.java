package org.gantry.server.task;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.gantry.server.web.Htmx;
import org.gantry.server.web.Labels;
import org.gantry.server.web.ShellPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A project's list view: the work breakdown as a table. Every change answers with the re-rendered
 * rows (in the person's current filter and sort), so summaries, WBS codes and positions are always
 * as the server has them. A refused change answers with the rows as they are now and a notice below
 * the row concerned (for a stale version: the current values, and what the person typed). A plain
 * request gets the failure's HTTP status (409 stale, 403 not allowed, 400 invalid); an htmx request
 * gets 200 with the status in the notice's {@code data-status}, because Chromium logs every 4xx
 * answer as a console error and the page must stay free of errors.
 */
@Controller
@ShellPage
@RequestMapping("/projects/{key}")
class TaskListPages {

    private final ProjectService projects;
    private final TaskService tasks;
    private final StatusService statuses;
    private final org.gantry.server.workload.WorkloadService workload;
    private final org.gantry.server.resource.ResourceService resources;

    TaskListPages(
            ProjectService projects,
            TaskService tasks,
            StatusService statuses,
            org.gantry.server.workload.WorkloadService workload,
            org.gantry.server.resource.ResourceService resources) {
        this.projects = projects;
        this.tasks = tasks;
        this.statuses = statuses;
        this.workload = workload;
        this.resources = resources;
    }

    @GetMapping("/list")
    String page(CurrentUser user, @PathVariable String key, ListFilter filter, Model model) {
        Project project = projects.get(user, key);
        model.addAttribute("project", project);
        model.addAttribute("tab", "list");
        rowsModel(user, project.key(), filter, null, model);
        return "tasks/list";
    }

    @GetMapping("/list/rows")
    String rows(CurrentUser user, @PathVariable String key, ListFilter filter, Model model) {
        return rowsModel(user, key, filter, null, model);
    }

    @PostMapping("/tasks")
    String add(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) Long after,
            @RequestParam(defaultValue = "New task") String name,
            ListFilter filter,
            Model model,
            HttpServletResponse response) {
        return change(user, key, after == null ? 0 : after, filter, model, response, () -> {
            NewTask task = NewTask.named(name);
            // Below the selected row means its next sibling (after a summary's whole subtree).
            if (after != null) {
                Task below = tasks.get(user, key, after).task();
                task = new NewTask(
                        name,
                        null,
                        below.parentId(),
                        below.position() + 1,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null);
            }
            Task created = tasks.create(user, key, task);
            // The script selects the new row and opens its name for typing.
            response.setHeader("HX-Trigger", "{\"task-added\":{\"id\":" + created.id() + "}}");
            return null;
        });
    }

    @PostMapping("/tasks/{id}/edit")
    String edit(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            TaskEdit edit,
            ListFilter filter,
            Model model,
            HttpServletResponse response) {
        return change(
                user,
                key,
                id,
                filter,
                model,
                response,
                () -> {
                    tasks.update(user, key, id, edit.toChanges(projects.get(user, key)));
                    return null;
                },
                edit.describe());
    }

    @PostMapping("/tasks/{id}/indent")
    String indent(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam Integer version,
            ListFilter filter,
            Model model,
            HttpServletResponse response) {
        return change(
                user, key, id, filter, model, response, () -> tasks.indent(user, key, id, new VersionOnly(version)));
    }

    @PostMapping("/tasks/{id}/outdent")
    String outdent(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam Integer version,
            ListFilter filter,
            Model model,
            HttpServletResponse response) {
        return change(
                user, key, id, filter, model, response, () -> tasks.outdent(user, key, id, new VersionOnly(version)));
    }

    @PostMapping("/tasks/{id}/move")
    String move(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam Integer version,
            @RequestParam String direction,
            ListFilter filter,
            Model model,
            HttpServletResponse response) {
        return change(user, key, id, filter, model, response, () -> {
            Task task = tasks.get(user, key, id).task();
            int position = direction.equals("up") ? task.position() - 1 : task.position() + 1;
            if (position < 1) {
                throw new Conflict("Cannot move", "Task " + task.wbs() + " is already first among its siblings.");
            }
            return tasks.move(user, key, id, new Move(task.parentId(), position, version));
        });
    }

    @PostMapping("/tasks/{id}/delete")
    String delete(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam Integer version,
            ListFilter filter,
            Model model,
            HttpServletResponse response) {
        return change(user, key, id, filter, model, response, () -> {
            tasks.delete(user, key, id, version);
            return null;
        });
    }

    private String change(
            CurrentUser user,
            String key,
            long taskId,
            ListFilter filter,
            Model model,
            HttpServletResponse response,
            Supplier<Object> action) {
        return change(user, key, taskId, filter, model, response, action, null);
    }

    /** Runs the change, then renders the rows; a refusal becomes a notice below the row it concerns. */
    private String change(
            CurrentUser user,
            String key,
            long taskId,
            ListFilter filter,
            Model model,
            HttpServletResponse response,
            Supplier<Object> action,
            String attempted) {
        RowNotice notice = null;
        int status = 200;
        try {
            action.get();
        } catch (StaleVersion e) {
            status = 409;
            notice = RowNotice.conflict(taskId, attempted);
        } catch (InvalidInput e) {
            status = 400;
            notice = new RowNotice(
                    taskId,
                    "invalid",
                    e.errors().stream()
                            .map(problem -> Labels.field(problem.field()) + " " + problem.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse("Invalid input"),
                    attempted);
        } catch (Forbidden e) {
            status = 403;
            notice = new RowNotice(taskId, "refused", e.getMessage(), attempted);
        } catch (Conflict e) {
            status = 409;
            notice = new RowNotice(taskId, "refused", e.getMessage(), attempted);
        } catch (NotFound e) {
            // Typically deleted by someone else meanwhile: the fresh rows no longer show it.
            status = 404;
            notice = new RowNotice(
                    taskId, "refused", e.getMessage() + " It may have been deleted meanwhile.", attempted);
        }
        if (!Htmx.isHtmx()) {
            response.setStatus(status);
        }
        model.addAttribute("noticeStatus", status);
        return rowsModel(user, key, filter, notice, model);
    }

    private String rowsModel(CurrentUser user, String key, ListFilter filter, RowNotice notice, Model model) {
        ProjectAccess access = projects.access(user, key);
        List<Task> rows = filter.isOutline()
                ? tasks.outline(user, key)
                : tasks.list(user, key, filter.toQuery()).items();
        Map<String, TaskStatus> statusByKey = new LinkedHashMap<>();
        statuses.list(user, key).forEach(status -> statusByKey.put(status.key(), status));
        model.addAttribute("projectKey", access.key());
        model.addAttribute("tasks", rows);
        model.addAttribute("statuses", statusByKey);
        model.addAttribute("members", projects.members(user, key));
        model.addAttribute("filter", filter);
        model.addAttribute("outline", filter.isOutline());
        model.addAttribute("canEdit", access.can(Permission.EDIT_TASKS) && !access.archived());
        model.addAttribute("canManage", access.can(Permission.MANAGE_TASKS) && !access.archived());
        // Tasks during which someone on them has more work than capacity (across all their projects).
        model.addAttribute("overallocated", workload.overallocatedTasks(user, key));
        // The Resources column: each task's resources with their units (people, rigs, materials).
        model.addAttribute(
                "staffing",
                resources.forProject(user, key).stream()
                        .collect(
                                java.util.stream.Collectors.groupingBy(org.gantry.server.resource.Assignment::taskId)));
        // A notice about a row that is not shown (deleted, filtered out) goes above the rows.
        boolean rowShown = notice != null && rows.stream().anyMatch(task -> task.id() == notice.taskId());
        model.addAttribute("notice", notice == null || rowShown ? notice : notice.aboveTheRows());
        return "tasks/list :: rows";
    }
}
