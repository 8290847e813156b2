package org.gantry.server.timesheet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.web.PageProblems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /timesheet}: my week as a grid of tasks by day; type hours as 1.5 or 1:30 and save the week. */
@Controller
class TimesheetPages {

    private final TimesheetService timesheet;
    private final TimesheetApprovals approvals;

    TimesheetPages(TimesheetService timesheet, TimesheetApprovals approvals) {
        this.timesheet = timesheet;
        this.approvals = approvals;
    }

    @GetMapping("/timesheet")
    String week(
            CurrentUser user,
            @RequestParam(required = false) String week,
            @RequestParam(name = "task", required = false) List<Long> extra,
            @RequestParam(required = false) String copy,
            Model model) {
        LocalDate day = day(week);
        return show(
                user,
                timesheet.week(user, day, extra == null ? List.of() : extra, copy != null),
                List.of(),
                model,
                null);
    }

    @PostMapping("/timesheet")
    String save(
            CurrentUser user,
            @RequestParam(required = false) String week,
            @RequestParam org.springframework.util.MultiValueMap<String, String> form,
            RedirectAttributes redirect,
            Model model) {
        LocalDate day = day(week);
        Map<String, String> cells = new LinkedHashMap<>();
        List<Long> rows = new ArrayList<>();
        form.forEach((name, values) -> {
            if ((name.startsWith("h_") || name.startsWith("n_") || name.startsWith("a_") || name.startsWith("b_"))
                    && !values.isEmpty()) {
                cells.put(name, values.get(0));
            } else if (name.equals("task")) {
                for (String value : values) {
                    try {
                        rows.add(Long.parseLong(value));
                    } catch (NumberFormatException ignored) {
                        // not a task id: no row to keep
                    }
                }
            }
        });
        Map<String, String> errors = timesheet.save(user, day, cells);
        if (errors.isEmpty() && form.containsKey("submitWeek")) {
            // "Submit week": what was typed is saved first, then the week's open time goes to the managers.
            List<TimesheetSubmission> submitted = approvals.submitWeek(user, day);
            redirect.addFlashAttribute(
                    "notice",
                    submitted.isEmpty()
                            ? "Nothing to submit: this week has no time that is not already submitted or approved."
                            : "Your week is saved and submitted for approval in "
                                    + String.join(
                                            ", ",
                                            submitted.stream()
                                                    .map(TimesheetSubmission::projectKey)
                                                    .toList())
                                    + ".");
            return "redirect:/timesheet?week=" + TimesheetService.monday(day);
        }
        if (errors.isEmpty()) {
            return "redirect:/timesheet?week=" + TimesheetService.monday(day) + "&saved";
        }
        return show(user, timesheet.week(user, day, rows, false, cells, errors), rows, model, errors);
    }

    private String show(
            CurrentUser user, TimesheetWeek week, List<Long> rows, Model model, Map<String, String> errors) {
        model.addAttribute("me", user);
        model.addAttribute("week", week);
        model.addAttribute("previous", week.monday().minusDays(7));
        model.addAttribute("next", week.monday().plusDays(7));
        model.addAttribute("loggable", timesheet.loggableTasks(user));
        model.addAttribute("refused", errors != null && !errors.isEmpty());
        model.addAttribute("submissions", approvals.mine(user, week.monday()));
        return "timesheet/week";
    }

    private static LocalDate day(String week) {
        if (week == null || week.isBlank()) {
            return LocalDate.now();
        }
        try {
            LocalDate day = LocalDate.parse(week.strip());
            return day.getYear() < 1900 || day.getYear() > 2200 ? LocalDate.now() : day;
        } catch (DateTimeParseException e) {
            return LocalDate.now();
        }
    }

    @ExceptionHandler({NotFound.class, Forbidden.class, Conflict.class, InvalidInput.class})
    String refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return PageProblems.refusal(e, request, response, model);
    }
}
