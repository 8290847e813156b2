package org.gantry.server.workload;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workload page: {@code /workload} (everyone the viewer may see, across their projects) and a
 * project's Workload tab (its resources). A wrong filter is named above the table, which then shows the
 * defaults, rather than an error page.
 */
@Controller
class WorkloadPages {

    private final WorkloadService workload;
    private final ProjectService projects;
    private final org.gantry.server.resource.ResourceService resources;
    private final org.gantry.server.resource.AssignmentService assignments;

    WorkloadPages(
            WorkloadService workload,
            ProjectService projects,
            org.gantry.server.resource.ResourceService resources,
            org.gantry.server.resource.AssignmentService assignments) {
        this.workload = workload;
        this.projects = projects;
        this.resources = resources;
        this.assignments = assignments;
    }

    /** What the filter form shows, as typed. */
    record Filter(String scale, String from, String periods, String project, String tag) {}

    /** A project the filter offers. */
    record Choice(String key, String name) {}

    @GetMapping("/workload")
    String all(
            CurrentUser user,
            @RequestParam(required = false) String scale,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String periods,
            @RequestParam(required = false) String project,
            @RequestParam(required = false) String tag,
            Model model) {
        model.addAttribute("me", user);
        model.addAttribute(
                "choices",
                projects.list(user, null, false, 0, 500).items().stream()
                        .map(summary -> new Choice(summary.key(), summary.name()))
                        .toList());
        return render(user, new Filter(scale, from, periods, project, tag), model, "/workload");
    }

    @GetMapping("/projects/{key}/workload")
    String ofProject(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) String scale,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String periods,
            @RequestParam(required = false) String tag,
            Model model) {
        Project project = projects.get(user, key);
        ProjectAccess access = projects.access(user, key);
        if (!access.can(Permission.EDIT_PROJECT) && !user.systemAdmin()) {
            throw new Forbidden("The workload of project " + project.key()
                    + "'s people is for its owners and managers; yours is on the Workload page.");
        }
        model.addAttribute("me", user);
        model.addAttribute("project", project);
        model.addAttribute("tab", "workload");
        model.addAttribute("canEdit", access.can(Permission.EDIT_TASKS) && !project.archived());
        return render(
                user, new Filter(scale, from, periods, project.key(), tag), model, "/projects/" + key + "/workload");
    }

    private String render(CurrentUser user, Filter filter, Model model, String action) {
        model.addAttribute("filter", filter);
        model.addAttribute("action", action);
        Workload table;
        try {
            LocalDate from = filter.from() == null || filter.from().isBlank() ? null : LocalDate.parse(filter.from());
            Integer periods = filter.periods() == null || filter.periods().isBlank()
                    ? null
                    : Integer.valueOf(filter.periods().strip());
            table = workload.workload(
                    user, new WorkloadService.Query(filter.project(), from, periods, filter.scale(), filter.tag()));
        } catch (DateTimeParseException | NumberFormatException | InvalidInput e) {
            String problem = e instanceof InvalidInput invalid
                    ? invalid.errors().stream()
                            .map(error -> error.field() + " " + error.message())
                            .collect(Collectors.joining("; "))
                    : "the start must be a date like 2026-03-02 and the number of periods a whole number";
            model.addAttribute("filterProblem", "Showing the defaults: " + problem + ".");
            table = workload.workload(user, new WorkloadService.Query(filter.project(), null, null, null, null));
        }
        model.addAttribute("workload", table);
        // Who may take over a task's work: the work resources of each project the viewer manages.
        java.util.Map<String, java.util.List<Choice>> handTo = new java.util.HashMap<>();
        table.rows().forEach(row -> row.tasks().forEach(line -> {
            if (line.projectKey() != null && !handTo.containsKey(line.projectKey())) {
                ProjectAccess access = projects.access(user, line.projectKey());
                handTo.put(
                        line.projectKey(),
                        access.can(Permission.EDIT_PROJECT) && !access.archived()
                                ? resources.all(user, line.projectKey()).stream()
                                        .filter(resource -> resource.kind().equals("WORK"))
                                        .map(resource -> new Choice(String.valueOf(resource.id()), resource.name()))
                                        .toList()
                                : java.util.List.of());
            }
        }));
        model.addAttribute("handTo", handTo);
        StringBuilder back = new StringBuilder(action)
                .append("?from=")
                .append(table.from())
                .append("&periods=")
                .append(table.periods().size())
                .append("&scale=")
                .append(table.scale());
        if (table.tag() != null) {
            back.append("&tag=")
                    .append(java.net.URLEncoder.encode(table.tag(), java.nio.charset.StandardCharsets.UTF_8));
        }
        if (table.project() != null && action.equals("/workload")) {
            back.append("&project=").append(table.project());
        }
        model.addAttribute("back", back.toString());
        model.addAttribute(
                "overPeople",
                table.rows().stream().filter(row -> row.overDays() > 0).count());
        return "workload/workload";
    }

    /**
     * "Hand to": moves a task's work from the person of the expanded row to another resource of its project,
     * with the same units and work (the keyboard's way; dropping a task line on a person's row submits the
     * same form). A stale row or someone already on the task is said in words; nothing changes then.
     */
    @org.springframework.web.bind.annotation.PostMapping("/workload/move")
    String move(
            CurrentUser user,
            @RequestParam String project,
            @RequestParam long taskId,
            @RequestParam long assignmentId,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) Long resourceId,
            @RequestParam(defaultValue = "/workload") String back,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            var moved = assignments.move(
                    user,
                    project,
                    taskId,
                    assignmentId,
                    new org.gantry.server.resource.AssignmentMove(resourceId, version));
            redirect.addFlashAttribute(
                    "notice", moved.taskName() + " handed to " + moved.resourceName() + " (" + moved.workText() + ").");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute(
                    "filterProblem",
                    "Not moved: "
                            + e.errors().stream()
                                    .map(error -> error.field() + " " + error.message())
                                    .collect(Collectors.joining("; ")));
        } catch (Conflict e) {
            redirect.addFlashAttribute("filterProblem", "Not moved: " + e.getMessage());
        }
        // Back to the same view (only a local path: the form says where it came from).
        boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
        return "redirect:" + (local ? back : "/workload");
    }

    @ExceptionHandler({NotFound.class, Forbidden.class, Conflict.class})
    String refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return PageProblems.refusal(e, request, response, model);
    }
}
