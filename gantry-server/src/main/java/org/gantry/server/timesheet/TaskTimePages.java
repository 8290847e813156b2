package org.gantry.server.timesheet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.FieldProblem;
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

/** The Time section of a task's panel: actual and remaining work, and logging one's own time on the task. */
@Controller
class TaskTimePages {

    private final TaskTime time;
    private final TimeEntryService entries;
    private final ProjectService projects;
    private final ActivityTypes activityTypes;

    TaskTimePages(TaskTime time, TimeEntryService entries, ProjectService projects, ActivityTypes activityTypes) {
        this.time = time;
        this.entries = entries;
        this.projects = projects;
        this.activityTypes = activityTypes;
    }

    @GetMapping("/projects/{key}/tasks/{taskId}/time")
    String section(CurrentUser user, @PathVariable String key, @PathVariable long taskId, Model model) {
        return show(user, key, taskId, LocalDate.now().toString(), "", "", Map.of(), null, model);
    }

    @PostMapping("/projects/{key}/tasks/{taskId}/time")
    String log(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long taskId,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String hours,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) Long activityTypeId,
            @RequestParam(required = false) String billable,
            @RequestParam(required = false) String billableShown,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = null;
        try {
            day = date == null || date.isBlank() ? null : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            errors.put("date", "must be a date like 2026-03-02");
        }
        if (day == null && !errors.containsKey("date")) {
            errors.put("date", "is required");
        }
        if (errors.isEmpty()) {
            // The task must be this project's: the entry service finds its project from the task.
            time.of(user, key, taskId);
            try {
                entries.create(
                        user,
                        new NewTimeEntry(
                                taskId,
                                day,
                                hours,
                                note,
                                billableShown == null ? null : billable != null,
                                null,
                                activityTypeId));
                return show(
                        user,
                        key,
                        taskId,
                        day.toString(),
                        "",
                        "",
                        Map.of(),
                        "Logged " + hours + " h on " + day + ".",
                        model);
            } catch (InvalidInput e) {
                for (FieldProblem problem : e.errors()) {
                    if (problem.field().equals("date")
                            || problem.field().equals("hours")
                            || problem.field().equals("note")) {
                        errors.put(problem.field(), problem.message());
                    } else {
                        errors.put("entry", problem.field() + " " + problem.message());
                    }
                }
            } catch (Conflict e) {
                errors.put("entry", e.getMessage());
            }
        }
        return show(user, key, taskId, date, hours, note, errors, null, model);
    }

    private String show(
            CurrentUser user,
            String key,
            long taskId,
            String day,
            String hours,
            String note,
            Map<String, String> errors,
            String logged,
            Model model) {
        ProjectAccess access = projects.access(user, key);
        model.addAttribute("projectKey", access.key());
        model.addAttribute("actuals", time.of(user, key, taskId));
        model.addAttribute("canLog", access.can(Permission.LOG_TIME) && !access.archived());
        model.addAttribute("day", day);
        model.addAttribute("hours", hours);
        model.addAttribute("note", note);
        model.addAttribute("errors", errors);
        model.addAttribute("logged", logged);
        model.addAttribute("activityTypes", activityTypes.of(access.projectId()));
        return "timesheet/task-time :: time";
    }

    @ExceptionHandler({NotFound.class, Forbidden.class, Conflict.class})
    String refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return PageProblems.refusal(e, request, response, model);
    }
}
