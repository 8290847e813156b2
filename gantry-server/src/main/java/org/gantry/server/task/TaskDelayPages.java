package org.gantry.server.task;

import java.time.LocalDateTime;
import java.util.stream.Collectors;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Moving a task's work to another week from the workload view ("Move…" on a task line, or dragging the line
 * onto another week's column). It does what Microsoft Project's Team Planner does when a task is dragged
 * along the timeline: the task gets a <em>start no earlier than</em> at its start moved by that many
 * calendar days (the same weekday and time), the scheduler places it on the next working time from there and
 * its successors follow. It is a plain task edit: the version the page showed must still be the task's (a
 * stale row is refused and said in words, nothing changes), and who may not edit tasks is refused. A
 * levelling delay stays what it is (levelling owns it; "Clear levelling" removes it).
 */
@Controller
class TaskDelayPages {

    /** Two years either way: further than any workload view reaches. */
    private static final int MAX_DAYS = 731;

    private final TaskService tasks;

    TaskDelayPages(TaskService tasks) {
        this.tasks = tasks;
    }

    @PostMapping("/projects/{key}/tasks/{id}/delay")
    String delay(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) String weeks,
            @RequestParam(required = false) String days,
            @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "/workload") String back,
            RedirectAttributes redirect) {
        // Back to the view the form came from (only a local path).
        boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
        String target = "redirect:" + (local ? back : "/workload");
        Integer shift = shift(weeks, days);
        if (shift == null) {
            redirect.addFlashAttribute(
                    "filterProblem", "Not moved: weeks must be a whole number from -104 to 104, and not 0.");
            return target;
        }
        try {
            Task task = tasks.get(user, key, id).task();
            if (task.start() == null) {
                redirect.addFlashAttribute("filterProblem", "Not moved: " + task.name() + " has no start yet.");
                return target;
            }
            LocalDateTime start = task.start().plusDays(shift);
            Task moved = tasks.update(
                    user,
                    key,
                    id,
                    new TaskChanges(
                            null, null, null, null, null, null, null, null, null, null, start, null, null, null, null,
                            null, null, version));
            redirect.addFlashAttribute(
                    "notice",
                    moved.name() + " moved " + amount(shift) + (shift > 0 ? " later" : " earlier")
                            + ": it starts no earlier than " + text(start) + " and now starts "
                            + text(moved.start()) + ".");
        } catch (StaleVersion e) {
            redirect.addFlashAttribute(
                    "filterProblem",
                    "Not moved: someone changed the task since this page was loaded; it shows the task as it is"
                            + " now. Move it again if you still want to.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute(
                    "filterProblem",
                    "Not moved: "
                            + e.errors().stream()
                                    .map(error -> error.field() + " " + error.message())
                                    .collect(Collectors.joining("; ")));
        } catch (Conflict | Forbidden | NotFound e) {
            redirect.addFlashAttribute("filterProblem", "Not moved: " + e.getMessage());
        }
        return target;
    }

    /** The move in calendar days: {@code days} when given (a drag), else whole weeks; null when invalid. */
    private static Integer shift(String weeks, String days) {
        try {
            int shift;
            if (days != null && !days.isBlank()) {
                shift = Integer.parseInt(days.strip());
            } else if (weeks != null && !weeks.isBlank()) {
                shift = Math.multiplyExact(Integer.parseInt(weeks.strip()), 7);
            } else {
                return null;
            }
            return shift == 0 || Math.abs(shift) > MAX_DAYS ? null : shift;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static String amount(int days) {
        int size = Math.abs(days);
        if (size % 7 == 0) {
            return size / 7 + (size == 7 ? " week" : " weeks");
        }
        return size + (size == 1 ? " day" : " days");
    }

    private static String text(LocalDateTime at) {
        return at == null ? "—" : at.toLocalDate() + " " + at.toLocalTime();
    }
}
