package org.gantry.server.resource;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.web.PageProblems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A task's assignments page: its type, duration and work, the resources on it with units and work, and
 * forms to add, change and remove them (owners, managers) and to set the task type (who edits tasks). Each
 * change answers with the page again (post, redirect, get) and a note of what moved; a refused change shows
 * the reason in words and changes nothing.
 */
@Controller
class AssignmentPages {

    private final AssignmentService assignments;
    private final ResourceService resources;
    private final ProjectService projects;

    AssignmentPages(AssignmentService assignments, ResourceService resources, ProjectService projects) {
        this.assignments = assignments;
        this.resources = resources;
        this.projects = projects;
    }

    @GetMapping("/projects/{key}/tasks/{id}/assignments")
    String page(CurrentUser user, @PathVariable String key, @PathVariable long id, Model model) {
        Project project = projects.get(user, key);
        ProjectAccess access = projects.access(user, key);
        model.addAttribute("me", user);
        model.addAttribute("project", project);
        model.addAttribute("tab", "list");
        model.addAttribute("task", assignments.plan(user, key, id));
        model.addAttribute("assignments", resources.forTask(user, key, id));
        model.addAttribute("choices", resources.all(user, key));
        model.addAttribute("canAssign", access.can(Permission.EDIT_PROJECT) && !project.archived());
        model.addAttribute("canType", access.can(Permission.EDIT_TASKS) && !project.archived());
        model.addAttribute("canEdit", access.can(Permission.EDIT_TASKS) && !project.archived());
        return "resource/assignments";
    }

    @PostMapping("/projects/{key}/tasks/{id}/assignments")
    String add(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) Long resourceId,
            @RequestParam(defaultValue = "") String units,
            @RequestParam(defaultValue = "") String workHours,
            RedirectAttributes redirect) {
        return act(key, id, redirect, () -> {
            Assignment made = assignments.assign(
                    user,
                    key,
                    id,
                    new NewAssignment(resourceId, number("units", units), number("workHours", workHours)));
            return made.resourceName() + " assigned at " + made.unitsText() + ", " + made.workText() + ".";
        });
    }

    @PostMapping("/projects/{key}/tasks/{id}/assignments/{assignmentId}")
    String change(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @PathVariable long assignmentId,
            @RequestParam(defaultValue = "") String units,
            @RequestParam(defaultValue = "") String workHours,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        return act(key, id, redirect, () -> {
            Assignment changed = assignments.update(
                    user,
                    key,
                    id,
                    assignmentId,
                    new AssignmentChanges(number("units", units), number("workHours", workHours), version));
            return changed.resourceName() + " now at " + changed.unitsText() + ", " + changed.workText() + ".";
        });
    }

    @PostMapping("/projects/{key}/tasks/{id}/assignments/{assignmentId}/remove")
    String remove(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @PathVariable long assignmentId,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        return act(key, id, redirect, () -> {
            assignments.delete(user, key, id, assignmentId, version);
            return "Assignment removed.";
        });
    }

    @PostMapping("/projects/{key}/tasks/{id}/task-type")
    String taskType(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String taskType,
            @RequestParam(defaultValue = "false") boolean effortDriven,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        return act(key, id, redirect, () -> {
            Map<String, Object> set =
                    assignments.setTaskType(user, key, id, new TaskTypeChange(taskType, effortDriven, version));
            return "Task type set to " + taskType.toLowerCase().replace('_', ' ')
                    + (Boolean.TRUE.equals(set.get("keepsTotalWork")) ? ", effort driven." : ", not effort driven.");
        });
    }

    private interface Action {
        String run();
    }

    /** Runs a change; its outcome (or the reason it was refused) is the note on the page shown next. */
    private static String act(String key, long id, RedirectAttributes redirect, Action action) {
        try {
            redirect.addFlashAttribute("notice", action.run());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute(
                    "problem",
                    "Not saved: "
                            + e.errors().stream()
                                    .map(error -> error.field() + " " + error.message())
                                    .collect(Collectors.joining("; "))
                            + ".");
        } catch (Conflict e) {
            redirect.addFlashAttribute("problem", "Not saved: " + e.getMessage());
        }
        return "redirect:/projects/" + key + "/tasks/" + id + "/assignments";
    }

    private static BigDecimal number(String field, String text) {
        String cleaned = text.strip().replace(" ", "").replace("%", "").replace(',', '.');
        if (cleaned.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(cleaned);
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "'" + text.strip() + "' is not a number");
        }
    }

    static List<String> taskTypes() {
        return List.of("FIXED_UNITS", "FIXED_WORK", "FIXED_DURATION");
    }

    @ExceptionHandler({NotFound.class, Forbidden.class, Conflict.class})
    String refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return PageProblems.refusal(e, request, response, model);
    }
}
