package org.gantry.server.task;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.resource.ResourceService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.StaleVersion;
import org.gantry.server.web.FieldMessages;
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
 * The task detail panel (a side drawer of the list view): every field of one task, saved with its
 * version, its dependencies and the resources assigned to it. After a change it asks the list view to reload its rows.
 */
@Controller
@ShellPage
@RequestMapping("/projects/{key}/tasks/{id}")
class TaskDetailPages {

    private static final String ROWS_CHANGED = "rows-changed";

    private final ProjectService projects;
    private final TaskService tasks;
    private final LinkService links;
    private final StatusService statuses;
    private final ResourceService resources;

    TaskDetailPages(
            ProjectService projects,
            TaskService tasks,
            LinkService links,
            StatusService statuses,
            ResourceService resources) {
        this.projects = projects;
        this.tasks = tasks;
        this.links = links;
        this.statuses = statuses;
        this.resources = resources;
    }

    @GetMapping
    String show(CurrentUser user, @PathVariable String key, @PathVariable long id, Model model) {
        TaskDetails details = tasks.get(user, key, id);
        return drawer(user, key, details, TaskForm.of(details.task()), Map.of(), model);
    }

    @PostMapping
    String save(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            TaskForm form,
            Model model,
            HttpServletResponse response) {
        Project project = projects.get(user, key);
        Task current = tasks.get(user, key, id).task();
        try {
            tasks.update(user, key, id, form.changesFrom(current, project));
            response.setHeader("HX-Trigger", ROWS_CHANGED);
            model.addAttribute("saved", "Saved.");
            TaskDetails details = tasks.get(user, key, id);
            return drawer(user, key, details, TaskForm.of(details.task()), Map.of(), model);
        } catch (StaleVersion e) {
            // Show the task as it is now, and list what the person typed so nothing is lost silently.
            response.setHeader("HX-Trigger", ROWS_CHANGED);
            TaskDetails details = tasks.get(user, key, id);
            model.addAttribute("conflict", form.describeChangesFrom(details.task()));
            return drawer(user, key, details, TaskForm.of(details.task()), Map.of(), model);
        } catch (InvalidInput e) {
            return drawer(user, key, tasks.get(user, key, id), form, FieldMessages.of(e), model);
        }
    }

    @PostMapping("/links")
    String addLink(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) Long otherTaskId,
            @RequestParam(defaultValue = "predecessor") String direction,
            @RequestParam(defaultValue = "FS") String type,
            @RequestParam(defaultValue = "") String lag,
            Model model,
            HttpServletResponse response) {
        try {
            if (otherTaskId == null) {
                throw new InvalidInput("link", "choose the task to link");
            }
            boolean predecessor = direction.equals("predecessor");
            links.create(
                    user,
                    key,
                    new NewLink(
                            predecessor ? otherTaskId : id,
                            predecessor ? id : otherTaskId,
                            LinkType.of(type),
                            lag.isBlank() ? null : lag.strip(),
                            null,
                            null));
            response.setHeader("HX-Trigger", ROWS_CHANGED);
        } catch (InvalidInput e) {
            model.addAttribute(
                    "linkError",
                    e.errors().stream()
                            .map(problem -> Labels.field(problem.field()) + " " + problem.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse("Invalid link"));
        } catch (Conflict e) {
            model.addAttribute("linkError", e.getMessage());
        }
        TaskDetails details = tasks.get(user, key, id);
        return drawer(user, key, details, TaskForm.of(details.task()), Map.of(), model);
    }

    /**
     * The task's fixed cost and its accrual (owners and managers: the section is shown to them only). A
     * refused value stays as typed with its message beside the field.
     */
    @PostMapping("/fixed-cost")
    String saveFixedCost(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) String fixedCost,
            @RequestParam(required = false) String fixedCostAccrual,
            @RequestParam(required = false) Integer version,
            Model model,
            HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal amount = BigDecimal.ZERO;
        String typed = fixedCost == null ? "" : fixedCost.strip().replace(",", "");
        if (!typed.isEmpty()) {
            try {
                amount = new BigDecimal(typed);
            } catch (NumberFormatException e) {
                errors.put("fixedCost", "must be an amount such as 1500 or 99.50, or empty for none");
            }
        }
        if (errors.isEmpty()) {
            try {
                tasks.update(user, key, id, TaskChanges.fixedCost(amount, fixedCostAccrual, version));
                response.setHeader("HX-Trigger", ROWS_CHANGED);
                model.addAttribute("fixedCostSaved", "Fixed cost saved.");
            } catch (StaleVersion e) {
                model.addAttribute(
                        "fixedCostConflict",
                        "Someone changed this task meanwhile; it shows as it is now. Your fixed cost was “" + typed
                                + "”.");
            } catch (InvalidInput e) {
                errors.putAll(FieldMessages.of(e));
            }
        }
        TaskDetails details = tasks.get(user, key, id);
        if (!errors.isEmpty()) {
            model.addAttribute("fixedCostErrors", errors);
            model.addAttribute("fixedCostTyped", fixedCost);
        }
        return drawer(user, key, details, TaskForm.of(details.task()), Map.of(), model);
    }

    @PostMapping("/links/{linkId}/delete")
    String deleteLink(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @PathVariable long linkId,
            Model model,
            HttpServletResponse response) {
        links.delete(user, key, linkId);
        response.setHeader("HX-Trigger", ROWS_CHANGED);
        TaskDetails details = tasks.get(user, key, id);
        return drawer(user, key, details, TaskForm.of(details.task()), Map.of(), model);
    }

    private String drawer(
            CurrentUser user, String key, TaskDetails details, TaskForm form, Map<String, String> errors, Model model) {
        ProjectAccess access = projects.access(user, key);
        List<Task> others = tasks.outline(user, key).stream()
                .filter(task -> task.id() != details.task().id())
                .toList();
        model.addAttribute("projectKey", access.key());
        model.addAttribute("details", details);
        model.addAttribute("task", details.task());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("statuses", statuses.list(user, key));
        model.addAttribute("members", projects.members(user, key));
        model.addAttribute("otherTasks", others);
        model.addAttribute("linkTypes", LinkType.values());
        model.addAttribute(
                "assignments", resources.forTask(user, key, details.task().id()));
        model.addAttribute("canEdit", access.can(Permission.EDIT_TASKS) && !access.archived());
        model.addAttribute("canEditCosts", access.can(Permission.SEE_COSTS) && !access.archived());
        if (!model.containsAttribute("fixedCostErrors")) {
            model.addAttribute("fixedCostErrors", Map.of());
        }
        return "tasks/detail :: drawer";
    }
}
