package org.gantry.server.board;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.gantry.server.shared.StaleVersion;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backlog page: the open sprints and the ranked backlog, planned by dragging rows (SortableJS,
 * static/js/backlog.js), by Alt+arrows on a focused row or with each row's "Move to" list; sprints are
 * created, started and completed with plain forms; the burndown of the active (or chosen) sprint and the
 * velocity are drawn with ECharts from the API's figures, which a table beside each chart repeats. Like the
 * board, a refused plan move answers a script's request with 200 and the failure in the notice's
 * {@code data-status}, and a plain request with the status itself.
 */
@Controller
class BacklogPages {

    private final ProjectService projects;
    private final SprintService sprints;
    private final SprintCharts charts;

    BacklogPages(ProjectService projects, SprintService sprints, SprintCharts charts) {
        this.charts = charts;
        this.projects = projects;
        this.sprints = sprints;
    }

    @GetMapping("/projects/{key}/backlog")
    String page(
            CurrentUser user, @PathVariable String key, @RequestParam(required = false) String sprint, Model model) {
        Project project = projects.get(user, key);
        model.addAttribute("tab", "backlog");
        planning(user, project, null, model);
        @SuppressWarnings("unchecked")
        List<Sprint> all = (List<Sprint>) model.getAttribute("allSprints");
        Sprint shown = null;
        for (Sprint candidate : all) {
            if (sprint != null && String.valueOf(candidate.id()).equals(sprint.strip())) {
                shown = candidate;
            }
        }
        if (shown == null) {
            shown = all.stream()
                    .filter(s -> s.state() != SprintState.PLANNED)
                    .findFirst()
                    .orElse(null);
        }
        model.addAttribute("chartSprint", shown);
        if (shown != null) {
            Burndown burndown = charts.burndown(user, project.key(), shown.id());
            model.addAttribute("burndown", burndown);
            model.addAttribute("burndownJson", burndownJson(burndown));
        }
        Velocity velocity = charts.velocity(user, project.key(), 6);
        model.addAttribute("velocity", velocity);
        model.addAttribute("velocityJson", velocityJson(velocity));
        model.addAttribute(
                "closedSprints",
                all.stream().filter(s -> s.state() != SprintState.PLANNED).toList());
        return "board/backlog";
    }

    @PostMapping("/projects/{key}/backlog/tasks/{id}/plan")
    String plan(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) String sprintId,
            @RequestParam(required = false) Integer position,
            @RequestParam(required = false) Integer version,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Project project = projects.get(user, key);
        BoardNotice notice = null;
        try {
            Long sprint = sprintId == null || sprintId.isBlank() ? null : Long.valueOf(sprintId.strip());
            sprints.plan(user, project.key(), id, new PlanMove(sprint, position, version));
        } catch (NumberFormatException e) {
            notice = new BoardNotice(id, "error", "There is no such sprint.", 400);
        } catch (StaleVersion e) {
            notice = new BoardNotice(
                    id, "stale", "Someone else changed this task; here is the plan as it is now. Move it again.", 409);
        } catch (InvalidInput e) {
            notice = new BoardNotice(
                    id,
                    "error",
                    "The task cannot move there: "
                            + e.errors().stream()
                                    .map(problem -> problem.field() + " " + problem.message())
                                    .collect(Collectors.joining("; "))
                            + ".",
                    400);
        } catch (Forbidden e) {
            notice = new BoardNotice(id, "error", e.getMessage(), 403);
        } catch (NotFound e) {
            notice = new BoardNotice(id, "error", "This task no longer exists; someone deleted it.", 404);
        } catch (Conflict e) {
            notice = new BoardNotice(id, "error", e.getMessage(), 409);
        }
        if (notice != null && !"true".equals(request.getHeader("HX-Request"))) {
            response.setStatus(notice.status());
        }
        planning(user, project, notice, model);
        return "board/backlog :: planning";
    }

    @PostMapping("/projects/{key}/backlog/sprints")
    String create(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String goal,
            @RequestParam(required = false) String startDate,
            @RequestParam(required = false) String endDate,
            @RequestParam(required = false) Long milestoneId,
            RedirectAttributes redirect) {
        Project project = projects.get(user, key);
        try {
            Sprint sprint = sprints.create(
                    user, project.key(), new NewSprint(name, goal, date(startDate), date(endDate), milestoneId));
            redirect.addFlashAttribute("notice", sprint.name() + " is planned.");
        } catch (java.time.format.DateTimeParseException e) {
            redirect.addFlashAttribute("sprintError", "Dates are written as year-month-day, like 2026-03-02.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("sprintError", words(e));
        } catch (Conflict | Forbidden e) {
            redirect.addFlashAttribute("sprintError", e.getMessage());
        }
        return "redirect:/projects/" + project.key() + "/backlog";
    }

    @PostMapping("/projects/{key}/backlog/sprints/{id}/start")
    String start(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        Project project = projects.get(user, key);
        try {
            Sprint sprint = sprints.start(user, project.key(), id, new SprintStart(version));
            redirect.addFlashAttribute(
                    "notice", sprint.name() + " started with " + sprint.committedPoints() + " points.");
        } catch (StaleVersion e) {
            redirect.addFlashAttribute(
                    "sprintError", "Someone else changed this sprint meanwhile; here it is now. Start it again.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("sprintError", words(e));
        } catch (Conflict | Forbidden | NotFound e) {
            redirect.addFlashAttribute("sprintError", e.getMessage());
        }
        return "redirect:/projects/" + project.key() + "/backlog";
    }

    @PostMapping("/projects/{key}/backlog/sprints/{id}/complete")
    String complete(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String unfinishedTo,
            RedirectAttributes redirect) {
        Project project = projects.get(user, key);
        try {
            String to = unfinishedTo == null ? "" : unfinishedTo.strip();
            SprintCompletion completion = to.isEmpty() || to.equals("BACKLOG")
                    ? new SprintCompletion(version, "BACKLOG", null)
                    : new SprintCompletion(version, "SPRINT", Long.valueOf(to));
            Sprint sprint = sprints.complete(user, project.key(), id, completion);
            redirect.addFlashAttribute(
                    "notice",
                    sprint.name() + " is complete: " + sprint.donePoints() + " of " + sprint.points()
                            + " points done.");
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute("sprintError", "Choose the backlog or a planned sprint for unfinished work.");
        } catch (StaleVersion e) {
            redirect.addFlashAttribute(
                    "sprintError", "Someone else changed this sprint meanwhile; here it is now. Complete it again.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("sprintError", words(e));
        } catch (Conflict | Forbidden | NotFound e) {
            redirect.addFlashAttribute("sprintError", e.getMessage());
        }
        return "redirect:/projects/" + project.key() + "/backlog";
    }

    private void planning(CurrentUser user, Project project, BoardNotice notice, Model model) {
        ProjectAccess access = projects.access(user, project.key());
        List<Sprint> all = sprints.sprints(user, project.key());
        List<Sprint> open =
                all.stream().filter(s -> s.state() != SprintState.CLOSED).toList();
        model.addAttribute("project", project);
        model.addAttribute("me", user);
        model.addAttribute("allSprints", all);
        model.addAttribute("openSprints", open);
        model.addAttribute(
                "plannedSprints",
                open.stream().filter(s -> s.state() == SprintState.PLANNED).toList());
        model.addAttribute("hasActive", open.stream().anyMatch(s -> s.state() == SprintState.ACTIVE));
        model.addAttribute("backlog", sprints.backlog(user, project.key()));
        model.addAttribute("canEdit", access.can(Permission.EDIT_TASKS) && !project.archived());
        model.addAttribute("canManage", access.can(Permission.MANAGE_TASKS) && !project.archived());
        model.addAttribute("planNotice", notice);
        // The hybrid with the plan: what each sprint feeds, and the forecast it gives those milestones.
        List<MilestoneForecast> milestones = charts.milestones(user, project.key());
        Map<Long, MilestoneForecast> forecasts = new LinkedHashMap<>();
        milestones.forEach(milestone -> forecasts.put(milestone.taskId(), milestone));
        model.addAttribute("forecasts", forecasts);
        model.addAttribute(
                "fedMilestones",
                milestones.stream().filter(m -> m.forecast() != null).toList());
        model.addAttribute("milestoneChoices", charts.milestoneChoices(user, project.key()));
    }

    private static LocalDate date(String text) {
        return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    }

    private static String words(InvalidInput e) {
        return e.errors().stream()
                        .map(problem -> problem.field() + " " + problem.message())
                        .collect(Collectors.joining("; "))
                + ".";
    }

    /** The burndown's series for the chart: dates, ideal, remaining, scope added, completed, total scope. */
    static String burndownJson(Burndown burndown) {
        Map<String, List<Object>> series = new LinkedHashMap<>();
        for (String name : List.of("dates", "ideal", "remaining", "scopeAdded", "completed", "totalScope")) {
            series.put(name, new ArrayList<>());
        }
        for (Burndown.Day day : burndown.days()) {
            series.get("dates").add(day.date().toString());
            series.get("ideal").add(day.ideal());
            series.get("remaining").add(day.remaining());
            series.get("scopeAdded").add(day.scopeAdded());
            series.get("completed").add(day.completed());
            series.get("totalScope").add(day.totalScope());
        }
        return JsonMapper.shared().writeValueAsString(series);
    }

    static String velocityJson(Velocity velocity) {
        Map<String, List<Object>> series = new LinkedHashMap<>();
        for (String name : List.of("sprints", "committed", "completed")) {
            series.put(name, new ArrayList<>());
        }
        for (Velocity.SprintVelocity sprint : velocity.sprints()) {
            series.get("sprints").add(sprint.name());
            series.get("committed").add(sprint.committed());
            series.get("completed").add(sprint.completed());
        }
        return JsonMapper.shared().writeValueAsString(series);
    }
}
