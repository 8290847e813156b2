package org.gantry.server.timesheet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectRole;
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
 * {@code /projects/{key}/timesheets}: the project's submitted weeks. Owners and managers approve or reject
 * each (with a reason) and see everyone's; others see their own. Owners and admins also lock periods and
 * choose which hours are actuals.
 */
@Controller
class TimesheetApprovalPages {

    private final TimesheetApprovals approvals;
    private final ProjectService projects;
    private final ActivityTypes activityTypes;
    private final TimeReports reports;

    TimesheetApprovalPages(
            TimesheetApprovals approvals, ProjectService projects, ActivityTypes activityTypes, TimeReports reports) {
        this.approvals = approvals;
        this.projects = projects;
        this.activityTypes = activityTypes;
        this.reports = reports;
    }

    @GetMapping("/projects/{key}/timesheets")
    String page(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model) {
        ProjectAccess access = projects.access(user, key);
        model.addAttribute("me", user);
        model.addAttribute("project", projects.get(user, key));
        model.addAttribute("canDecide", access.can(Permission.SEE_COSTS));
        model.addAttribute("canSet", user.systemAdmin() || access.role() == ProjectRole.OWNER);
        model.addAttribute("submissions", approvals.list(user, key, null, null));
        model.addAttribute("settings", approvals.settings(user, key));
        model.addAttribute("activityTypes", activityTypes.list(user, key));
        model.addAttribute("canDefine", access.can(Permission.EDIT_PROJECT) && !access.archived());
        model.addAttribute("by", by == null || by.isBlank() ? "person" : by.strip());
        model.addAttribute("from", from == null ? "" : from.strip());
        model.addAttribute("to", to == null ? "" : to.strip());
        Map<String, String> reportErrors = new LinkedHashMap<>();
        if (access.can(Permission.SEE_COSTS)) {
            LocalDate first = reportDay("from", from, reportErrors);
            LocalDate last = reportDay("to", to, reportErrors);
            if (reportErrors.isEmpty()) {
                try {
                    model.addAttribute("report", reports.report(user, key, by, first, last));
                } catch (InvalidInput e) {
                    e.errors().forEach(problem -> reportErrors.put(problem.field(), problem.message()));
                }
            }
        }
        model.addAttribute("reportErrors", reportErrors);
        return "timesheet/approvals";
    }

    private static LocalDate reportDay(String field, String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "must be a date like 2026-03-02");
            return null;
        }
    }

    @PostMapping("/projects/{key}/timesheets/activity-types")
    String defineActivityType(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String billable,
            RedirectAttributes redirect) {
        try {
            ActivityType type = activityTypes.create(user, key, new ActivityTypeChange(name, billable != null, null));
            redirect.addFlashAttribute("notice", "Activity type " + type.name() + " added.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute(
                    "activityError",
                    e.errors().stream()
                            .map(problem -> "Name " + problem.message())
                            .collect(Collectors.joining("; ")));
        } catch (Conflict e) {
            redirect.addFlashAttribute("activityError", e.getMessage());
        }
        return "redirect:/projects/" + key + "/timesheets#activity-types";
    }

    @PostMapping("/projects/{key}/timesheets/activity-types/{id}/delete")
    String deleteActivityType(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        activityTypes.delete(user, key, id, version);
        redirect.addFlashAttribute("notice", "Activity type deleted; its entries keep their hours.");
        return "redirect:/projects/" + key + "/timesheets#activity-types";
    }

    @PostMapping("/projects/{key}/timesheets/{id}/approve")
    String approve(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        TimesheetSubmission approved = approvals.approve(user, key, id, new TimesheetDecision(version, null));
        redirect.addFlashAttribute(
                "notice", "Approved: " + approved.userName() + ", week of " + approved.weekStart() + ".");
        return "redirect:/projects/" + key + "/timesheets";
    }

    @PostMapping("/projects/{key}/timesheets/{id}/reject")
    String reject(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            TimesheetSubmission rejected = approvals.reject(user, key, id, new TimesheetDecision(version, reason));
            redirect.addFlashAttribute(
                    "notice", "Rejected: " + rejected.userName() + ", week of " + rejected.weekStart() + ".");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("rejectId", id);
            redirect.addFlashAttribute(
                    "rejectError",
                    e.errors().stream()
                            .map(problem -> "Reason " + problem.message())
                            .collect(Collectors.joining("; ")));
        }
        return "redirect:/projects/" + key + "/timesheets";
    }

    @PostMapping("/projects/{key}/timesheets/settings")
    String settings(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) String lockedBefore,
            @RequestParam(required = false) String actuals,
            @RequestParam(required = false) String progressFromHours,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        LocalDate locked = null;
        try {
            locked = lockedBefore == null || lockedBefore.isBlank() ? null : LocalDate.parse(lockedBefore.strip());
            approvals.changeSettings(user, key, new TimeSettings(locked, actuals, progressFromHours != null, version));
            redirect.addFlashAttribute("notice", "Time settings saved.");
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("settingsError", "Locked before: write a date like 2026-03-02.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute(
                    "settingsError",
                    e.errors().stream()
                            .map(problem -> problem.field() + " " + problem.message())
                            .collect(Collectors.joining("; ")));
        }
        return "redirect:/projects/" + key + "/timesheets";
    }

    @ExceptionHandler({NotFound.class, Forbidden.class, Conflict.class})
    String refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return PageProblems.refusal(e, request, response, model);
    }
}
