package org.gantry.server.resource;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My time off": everyone enters their own vacations, holidays and part-time weeks here; their projects are
 * rescheduled around them and their managers see them on the project's Workload tab and in the workload.
 */
@Controller
class TimeOffPages {

    private final TimeOffService timeOff;

    TimeOffPages(TimeOffService timeOff) {
        this.timeOff = timeOff;
    }

    @GetMapping("/time-off")
    String page(CurrentUser user, Model model) {
        model.addAttribute("me", user);
        model.addAttribute("entries", timeOff.mine(user));
        return "resource/time-off";
    }

    @PostMapping("/time-off")
    String add(
            CurrentUser user,
            @RequestParam(defaultValue = "") String firstDay,
            @RequestParam(defaultValue = "") String lastDay,
            @RequestParam(defaultValue = "VACATION") String kind,
            @RequestParam(required = false) List<Integer> weekdays,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        try {
            TimeOff added = timeOff.addMine(user, entry(firstDay, lastDay, weekdays, kind, note));
            redirect.addFlashAttribute("notice", added.text() + " entered; your projects were rescheduled.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("problem", words(e));
        }
        return "redirect:/time-off";
    }

    @PostMapping("/time-off/{id}/delete")
    String delete(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        timeOff.deleteMine(user, id, version);
        redirect.addFlashAttribute("notice", "Time off removed; your projects were rescheduled.");
        return "redirect:/time-off";
    }

    /** The form's fields as an entry; a date that is not one is named like any other invalid field. */
    static NewTimeOff entry(String firstDay, String lastDay, List<Integer> weekdays, String kind, String note) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        LocalDate first = date("firstDay", firstDay, problems);
        LocalDate last = date("lastDay", lastDay, problems);
        problems.throwIfAny();
        return new NewTimeOff(first, last, weekdays, kind, note);
    }

    private static LocalDate date(String field, String text, InvalidInput.Collector problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(field, "must be a date like 2026-03-09");
            return null;
        }
    }

    static String words(InvalidInput e) {
        return "Not entered: "
                + e.errors().stream()
                        .map(error -> (error.field().equals("firstDay")
                                        ? "first day"
                                        : error.field().equals("lastDay") ? "last day" : error.field())
                                + " " + error.message())
                        .collect(Collectors.joining("; "))
                + ".";
    }
}
