package org.gantry.server.timesheet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

    TimesheetApprovalPages(TimesheetApprovals approvals, ProjectService projects) {
        this.approvals = approvals;
        this.projects = projects;
    }

    @GetMapping("/projects/{key}/timesheets")
    String page(CurrentUser user, @PathVariable String key, Model model) {
        ProjectAccess access = projects.access(user, key);
        model.addAttribute("me", user);
        model.addAttribute("project", projects.get(user, key));
        model.addAttribute("canDecide", access.can(Permission.SEE_COSTS));
        model.addAttribute("canSet", user.systemAdmin() || access.role() == ProjectRole.OWNER);
        model.addAttribute("submissions", approvals.list(user, key, null, null));
        model.addAttribute("settings", approvals.settings(user, key));
        return "timesheet/approvals";
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
