package org.gantry.server.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.resource.ResourceService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.StaleVersion;
import org.gantry.server.task.TaskService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The change requests page: the list with states and impact, a form that drafts a request (add a task after
 * a task, before another one; change a task's duration), the selected request's edits and impact as the
 * engine computes it, and the workflow buttons the caller's role allows. Plain forms: every action redirects
 * back with a notice, or re-renders the form with the reasons when it cannot be accepted.
 */
@Controller
class ChangePages {
    private static final Pattern EDIT_FIELD = Pattern.compile("^edits\\[(\\d+)\\]\\.?(.*)$");

    private final ProjectService projects;
    private final ChangeRequestService changes;
    private final TaskService tasks;
    private final ResourceService resources;

    ChangePages(ProjectService projects, ChangeRequestService changes, TaskService tasks, ResourceService resources) {
        this.projects = projects;
        this.changes = changes;
        this.tasks = tasks;
        this.resources = resources;
    }

    /** What the person typed into the drafting form, kept when it is shown again with its errors. */
    record Draft(
            String title,
            String reason,
            String requestedBy,
            String description,
            String addName,
            String addDuration,
            Long addAfter,
            Long addBefore,
            Long changeTask,
            String changeDuration,
            Long assignTask,
            Long assignResource,
            String assignWork,
            String assignUnits,
            String removeAssignment,
            String resizeAssignment,
            String resizeUnits,
            String resizeWork,
            Long costTask,
            String costAmount,
            String costAccrual) {
        static final Draft EMPTY = new Draft(
                "", "", "", "", "", "5d", null, null, null, "", null, null, "", "100", "", "", "", "", null, "", "");
    }

    /** A resource on a task, as the form's lists offer it: {@code value} is "taskId/resourceId". */
    record Staffed(String value, String text) {}

    /**
     * The outcome of an action comes back in the address ({@code done}, {@code problem}), not as a flash
     * attribute: live.js refetches this same address after every change of the project, and a refetch racing
     * the redirect would take a flash attribute away from the page it was meant for.
     */
    @GetMapping("/projects/{key}/changes")
    String page(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) Long id,
            @RequestParam(required = false) String done,
            @RequestParam(required = false) Integer baseline,
            @RequestParam(required = false) String problem,
            Model model) {
        Project project = projects.get(user, key);
        String notice = done == null
                ? null
                : switch (done) {
                    case "drafted" -> "Change request drafted. Check its impact, then submit it.";
                    case "submitted" -> "Submitted to the change board.";
                    case "approved" ->
                        "Approved: the changes are in the plan"
                                + (baseline == null ? "." : " and saved as baseline " + baseline + ".");
                    case "rejected" -> "Rejected.";
                    case "deferred" -> "Deferred.";
                    case "deleted" -> "Change request deleted.";
                    default -> null;
                };
        if (notice != null) {
            model.addAttribute("notice", notice);
        }
        if ("plan-changed".equals(problem)) {
            model.addAttribute(
                    "changeError",
                    "The plan changed since this impact was computed, so nothing was applied. The impact below is"
                            + " computed on the plan as it is now: check it and approve again.");
        } else if ("stale".equals(problem)) {
            model.addAttribute(
                    "changeError", "Someone else changed this change request meanwhile; here it is now. Decide again.");
        }
        show(user, project, id, Draft.EMPTY, List.of(), model);
        return "change/changes";
    }

    @PostMapping("/projects/{key}/changes")
    String create(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String requestedBy,
            @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String addName,
            @RequestParam(defaultValue = "") String addDuration,
            @RequestParam(required = false) Long addAfter,
            @RequestParam(required = false) Long addBefore,
            @RequestParam(required = false) Long changeTask,
            @RequestParam(defaultValue = "") String changeDuration,
            @RequestParam(required = false) Long assignTask,
            @RequestParam(required = false) Long assignResource,
            @RequestParam(defaultValue = "") String assignWork,
            @RequestParam(defaultValue = "100") String assignUnits,
            @RequestParam(defaultValue = "") String removeAssignment,
            @RequestParam(defaultValue = "") String resizeAssignment,
            @RequestParam(defaultValue = "") String resizeUnits,
            @RequestParam(defaultValue = "") String resizeWork,
            @RequestParam(required = false) Long costTask,
            @RequestParam(defaultValue = "") String costAmount,
            @RequestParam(defaultValue = "") String costAccrual,
            Model model) {
        Project project = projects.get(user, key);
        Draft draft = new Draft(
                title,
                reason,
                requestedBy,
                description,
                addName,
                addDuration,
                addAfter,
                addBefore,
                changeTask,
                changeDuration,
                assignTask,
                assignResource,
                assignWork,
                assignUnits,
                removeAssignment,
                resizeAssignment,
                resizeUnits,
                resizeWork,
                costTask,
                costAmount,
                costAccrual);
        List<ProposedEdit> edits = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        if (!addName.isBlank()) {
            edits.add(ProposedEdit.addTask(
                    addName,
                    addDuration.isBlank() ? null : addDuration,
                    null,
                    addAfter == null ? null : List.of(addAfter),
                    addBefore == null ? null : List.of(addBefore)));
            kinds.add("New task");
        }
        if (changeTask != null || !changeDuration.isBlank()) {
            edits.add(ProposedEdit.changeDuration(changeTask, changeDuration.isBlank() ? null : changeDuration));
            kinds.add("Duration change");
        }
        if (assignTask != null || assignResource != null || !assignWork.isBlank()) {
            // Numbers the form cannot read go to the service as missing, so the message names the field.
            edits.add(new ProposedEdit(
                    "ADD_ASSIGNMENT",
                    assignTask,
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
                    assignResource,
                    number(assignUnits.isBlank() ? "100" : assignUnits),
                    number(assignWork),
                    null,
                    null));
            kinds.add("Resource on a task");
        }
        if (!removeAssignment.isBlank()) {
            long[] pair = pair(removeAssignment);
            edits.add(ProposedEdit.assignment("REMOVE_ASSIGNMENT", pair[0], pair[1], null, null));
            kinds.add("Resource off a task");
        }
        if (!resizeAssignment.isBlank() || !resizeUnits.isBlank() || !resizeWork.isBlank()) {
            long[] pair = pair(resizeAssignment);
            edits.add(ProposedEdit.assignment(
                    "CHANGE_ASSIGNMENT",
                    pair[0] < 1 ? null : pair[0],
                    pair[1] < 1 ? null : pair[1],
                    number(resizeUnits),
                    number(resizeWork)));
            kinds.add("Units or work");
            if (!resizeUnits.isBlank() && number(resizeUnits) == null) {
                show(user, project, null, draft, List.of("Units or work (units): is not a number such as 50."), model);
                return "change/changes";
            }
            if (!resizeWork.isBlank() && number(resizeWork) == null) {
                show(
                        user,
                        project,
                        null,
                        draft,
                        List.of("Units or work (workHours): is not a number such as 16."),
                        model);
                return "change/changes";
            }
        }
        if (costTask != null || !costAmount.isBlank()) {
            edits.add(ProposedEdit.fixedCost(
                    costTask, number(costAmount.replace(",", "")), costAccrual.isBlank() ? null : costAccrual));
            kinds.add("Fixed cost");
        }
        try {
            ChangeRequest created = changes.create(
                    user,
                    project.key(),
                    new NewChangeRequest(
                            title, blankToNull(description), blankToNull(reason), blankToNull(requestedBy), edits));
            return "redirect:/projects/" + project.key() + "/changes?id=" + created.id() + "&done=drafted";
        } catch (InvalidInput e) {
            show(user, project, null, draft, describe(e, kinds), model);
            return "change/changes";
        } catch (Forbidden | Conflict e) {
            show(user, project, null, draft, List.of(e.getMessage()), model);
            return "change/changes";
        }
    }

    @PostMapping("/projects/{key}/changes/{id}/{action:submit|approve|reject|defer|delete}")
    String act(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") String planVersion,
            @RequestParam(defaultValue = "") String baselineSlot,
            RedirectAttributes redirect) {
        Project project = projects.get(user, key);
        String target = "redirect:/projects/" + project.key() + "/changes";
        redirect.addAttribute("id", id);
        try {
            Integer slot = baselineSlot.isBlank() ? null : Integer.valueOf(baselineSlot.strip());
            ChangeDecision decision = new ChangeDecision(version, blankToNull(note), blankToNull(planVersion), slot);
            switch (action) {
                case "submit" -> {
                    changes.submit(user, project.key(), id, decision);
                    redirect.addAttribute("done", "submitted");
                }
                case "approve" -> {
                    changes.approve(user, project.key(), id, decision);
                    redirect.addAttribute("done", "approved");
                    if (slot != null) {
                        redirect.addAttribute("baseline", slot);
                    }
                }
                case "reject" -> {
                    changes.reject(user, project.key(), id, decision);
                    redirect.addAttribute("done", "rejected");
                }
                case "defer" -> {
                    changes.defer(user, project.key(), id, decision);
                    redirect.addAttribute("done", "deferred");
                }
                default -> {
                    changes.delete(user, project.key(), id);
                    redirect.asMap().remove("id");
                    redirect.addAttribute("done", "deleted");
                }
            }
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("changeError", "Choose a baseline from the list, or none.");
        } catch (StaleVersion e) {
            redirect.addAttribute("problem", "stale");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("changeError", String.join(" ", describe(e, List.of())));
        } catch (Conflict e) {
            if ("Plan changed".equals(e.title())) {
                redirect.addAttribute("problem", "plan-changed");
            } else {
                redirect.addFlashAttribute("changeError", e.getMessage());
            }
        } catch (Forbidden e) {
            redirect.addFlashAttribute("changeError", e.getMessage());
        }
        return target;
    }

    private void show(CurrentUser user, Project project, Long id, Draft draft, List<String> errors, Model model) {
        ProjectAccess access = projects.access(user, project.key());
        model.addAttribute("project", project);
        model.addAttribute("me", user);
        model.addAttribute("tab", "changes");
        model.addAttribute("requests", changes.list(user, project.key(), null));
        model.addAttribute("tasks", tasks.outline(user, project.key()));
        model.addAttribute("resources", resources.all(user, project.key()));
        model.addAttribute("seeCosts", access.can(Permission.SEE_COSTS));
        Map<Long, String> outline = new LinkedHashMap<>();
        tasks.outline(user, project.key()).forEach(task -> outline.put(task.id(), task.wbs() + " " + task.name()));
        model.addAttribute(
                "staffed",
                resources.forProject(user, project.key()).stream()
                        .sorted(java.util.Comparator.comparing(
                                (org.gantry.server.resource.Assignment a) -> a.taskWbs() == null ? "" : a.taskWbs()))
                        .map(a -> new Staffed(
                                a.taskId() + "/" + a.resourceId(),
                                outline.getOrDefault(a.taskId(), a.taskName()) + ": " + a.resourceName() + " ("
                                        + a.workText() + " at " + a.unitsText() + ")"))
                        .toList());
        model.addAttribute("canEdit", access.can(Permission.EDIT_TASKS) && !project.archived());
        model.addAttribute("canDecide", access.can(Permission.DECIDE_CHANGES) && !project.archived());
        model.addAttribute("draft", draft);
        model.addAttribute("formErrors", errors);
        if (id == null) {
            return;
        }
        ChangeRequest selected = changes.get(user, project.key(), id);
        model.addAttribute("selected", selected);
        model.addAttribute(
                "canDelete",
                !project.archived()
                        && !"APPROVED".equals(selected.state())
                        && (access.can(Permission.DECIDE_CHANGES)
                                || ("DRAFT".equals(selected.state())
                                        && access.can(Permission.EDIT_TASKS)
                                        && selected.createdById() != null
                                        && selected.createdById() == user.id())));
        Map<Long, String> names = new LinkedHashMap<>();
        tasks.outline(user, project.key()).forEach(task -> names.put(task.id(), task.wbs() + " " + task.name()));
        model.addAttribute("taskNames", names);
        Map<Long, String> resourceNames = new LinkedHashMap<>();
        if (selected.edits().stream().anyMatch(edit -> edit.type().endsWith("_ASSIGNMENT"))) {
            resources.all(user, project.key()).forEach(resource -> resourceNames.put(resource.id(), resource.name()));
        }
        model.addAttribute(
                "editTexts",
                selected.edits().stream()
                        .map(edit -> text(edit, names, resourceNames))
                        .toList());
        if (!"APPROVED".equals(selected.state()) && !selected.edits().isEmpty()) {
            try {
                model.addAttribute("impact", changes.impact(user, project.key(), id));
            } catch (InvalidInput e) {
                model.addAttribute(
                        "impactProblem",
                        "This change no longer fits the plan: " + String.join(" ", describe(e, List.of())));
            } catch (Conflict e) {
                model.addAttribute("impactProblem", e.getMessage());
            }
        }
    }

    /** A proposed edit in words, with the tasks' WBS codes and names as they are now. */
    private static String text(ProposedEdit edit, Map<Long, String> names, Map<Long, String> resourceNames) {
        String resource = resourceNames.getOrDefault(edit.resourceId(), "resource " + edit.resourceId());
        return switch (edit.type()) {
            case "ADD_ASSIGNMENT" ->
                "Assign " + resource + " to " + name(edit.taskId(), names) + ": " + plain(edit.workHours()) + " h at "
                        + plain(edit.units()) + " %";
            case "REMOVE_ASSIGNMENT" -> "Take " + resource + " off " + name(edit.taskId(), names);
            case "CHANGE_ASSIGNMENT" ->
                "Change " + resource + " on " + name(edit.taskId(), names) + " to "
                        + (edit.units() == null ? "" : plain(edit.units()) + " %")
                        + (edit.units() != null && edit.workHours() != null ? " and " : "")
                        + (edit.workHours() == null ? "" : plain(edit.workHours()) + " h");
            case "CHANGE_FIXED_COST" ->
                "Set the fixed cost of " + name(edit.taskId(), names) + " to "
                        + (edit.fixedCost() == null ? "(an amount for owners and managers)" : money(edit.fixedCost()))
                        + (edit.fixedCostAccrual() == null
                                ? ""
                                : ", incurred " + edit.fixedCostAccrual().toLowerCase(java.util.Locale.ROOT));
            case "ADD_TASK" ->
                "Add the task \"" + edit.name() + "\" (" + edit.duration() + ")"
                        + (edit.parentId() == null ? "" : " under " + name(edit.parentId(), names))
                        + (edit.predecessorIds() == null
                                        || edit.predecessorIds().isEmpty()
                                ? ""
                                : " after "
                                        + edit.predecessorIds().stream()
                                                .map(id -> name(id, names))
                                                .collect(Collectors.joining(", ")))
                        + (edit.successorIds() == null || edit.successorIds().isEmpty()
                                ? ""
                                : " before "
                                        + edit.successorIds().stream()
                                                .map(id -> name(id, names))
                                                .collect(Collectors.joining(", ")));
            case "REMOVE_TASK" -> "Remove " + name(edit.taskId(), names);
            case "CHANGE_DURATION" -> "Change the duration of " + name(edit.taskId(), names) + " to " + edit.duration();
            case "ADD_LINK" ->
                "Link " + name(edit.predecessorId(), names) + " → " + name(edit.successorId(), names)
                        + " (" + (edit.linkType() == null ? "FS" : edit.linkType())
                        + (edit.lag() == null ? "" : ", lag " + edit.lag()) + ")";
            case "REMOVE_LINK" ->
                "Remove the link " + name(edit.predecessorId(), names) + " → " + name(edit.successorId(), names);
            default -> edit.type();
        };
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "?" : value.stripTrailingZeros().toPlainString();
    }

    private static String money(java.math.BigDecimal value) {
        return String.format(java.util.Locale.ROOT, "%,.2f", value);
    }

    /** "12/34" from the form's lists: the task and the resource; zeros when it cannot be read. */
    private static long[] pair(String value) {
        String[] parts = value.strip().split("/");
        try {
            return parts.length == 2
                    ? new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])}
                    : new long[] {0, 0};
        } catch (NumberFormatException e) {
            return new long[] {0, 0};
        }
    }

    private static String name(Long id, Map<Long, String> names) {
        return id == null ? "?" : names.getOrDefault(id, "task " + id + " (no longer in the plan)");
    }

    /** The problems in the words of the form: "New task: duration must not be negative". */
    private static List<String> describe(InvalidInput problem, List<String> kinds) {
        return problem.errors().stream()
                .map(error -> {
                    Matcher matcher = EDIT_FIELD.matcher(error.field());
                    if (!matcher.matches()) {
                        return capitalise(error.field()) + " " + error.message() + ".";
                    }
                    int index = Integer.parseInt(matcher.group(1));
                    String what = index < kinds.size() ? kinds.get(index) : "Change " + (index + 1);
                    String field = matcher.group(2).isEmpty() ? "" : " (" + matcher.group(2) + ")";
                    return what + field + ": " + error.message() + ".";
                })
                .collect(Collectors.toList());
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static java.math.BigDecimal number(String text) {
        try {
            return text == null || text.isBlank()
                    ? null
                    : new java.math.BigDecimal(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
