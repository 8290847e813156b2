package org.gantry.server.resource;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.gantry.server.web.PageProblems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Resources page of a project: who and what the plan uses, at what rates, and how much work each has.
 * Owners and managers edit a resource's name, maximum units and rates in its row.
 */
@Controller
class ResourcePages {

    private final ResourceService resources;
    private final ProjectService projects;
    private final TimeOffService timeOff;

    ResourcePages(ResourceService resources, ProjectService projects, TimeOffService timeOff) {
        this.resources = resources;
        this.projects = projects;
        this.timeOff = timeOff;
    }

    /** One row of the page, with the figures already written as a project manager reads them. */
    record Row(
            long id,
            String name,
            String kind,
            String maxUnits,
            String standardRate,
            String overtimeRate,
            String costPerUse,
            String calendar,
            int assignments,
            String work) {}

    /**
     * What the edit form shows: the values as typed (text, so a wrong number comes back as typed), the
     * version they were loaded with, and a message per field.
     */
    record EditForm(
            long id,
            String name,
            String maxUnits,
            String standardRate,
            String overtimeRate,
            String costPerUse,
            int version) {

        static EditForm of(Resource resource) {
            return new EditForm(
                    resource.id(),
                    resource.name(),
                    plain(resource.maxUnits()),
                    plain(resource.standardRate()),
                    plain(resource.overtimeRate()),
                    plain(resource.costPerUse()),
                    resource.version());
        }

        private static String plain(BigDecimal value) {
            return value == null ? "" : value.stripTrailingZeros().toPlainString();
        }
    }

    @GetMapping("/projects/{key}/resources")
    String list(CurrentUser user, @PathVariable String key, Model model) {
        Project project = projects.get(user, key);
        ProjectAccess access = projects.access(user, key);
        List<Resource> all = resources.all(user, key);
        List<Row> rows = all.stream().map(ResourcePages::row).toList();
        model.addAttribute("me", user);
        model.addAttribute("project", project);
        model.addAttribute("tab", "resources");
        model.addAttribute("rows", rows);
        model.addAttribute(
                "totalWork",
                hours(all.stream()
                        .filter(resource -> resource.kind().equals("WORK"))
                        .mapToLong(Resource::assignedWorkMinutes)
                        .sum()));
        model.addAttribute("canEdit", access.can(Permission.EDIT_TASKS) && !project.archived());
        model.addAttribute("canManage", canManage(access));
        model.addAttribute("seesCosts", access.can(Permission.SEE_COSTS));
        model.addAttribute("projectKey", project.key());
        return "resource/resources";
    }

    /** One resource: its figures and every task it works on, with units, work and dates. */
    @GetMapping("/projects/{key}/resources/{id}")
    String resource(CurrentUser user, @PathVariable String key, @PathVariable long id, Model model) {
        Project project = projects.get(user, key);
        ProjectAccess access = projects.access(user, key);
        ResourceDetails details = resources.get(user, key, id);
        model.addAttribute("me", user);
        model.addAttribute("project", project);
        model.addAttribute("tab", "resources");
        model.addAttribute("r", row(details.resource()));
        model.addAttribute("resource", details.resource());
        model.addAttribute("assignments", details.assignments());
        model.addAttribute("canEdit", access.can(Permission.EDIT_TASKS) && !project.archived());
        model.addAttribute("seesCosts", access.can(Permission.SEE_COSTS));
        model.addAttribute("canManage", canManage(access));
        model.addAttribute("timeOff", timeOff.ofResource(user, key, id));
        return "resource/resource";
    }

    /**
     * Adds a resource from the Resources page (owners, managers): a person who is not a user (a contractor),
     * equipment, a material with its unit and cost per unit, or a cost. Tags are typed comma-separated.
     */
    @PostMapping("/projects/{key}/resources")
    String create(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "WORK") String kind,
            @RequestParam(defaultValue = "") String maxUnits,
            @RequestParam(defaultValue = "") String materialLabel,
            @RequestParam(defaultValue = "") String standardRate,
            @RequestParam(defaultValue = "") String tags,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal units = number("maxUnits", maxUnits, errors);
        BigDecimal rate = number("standardRate", standardRate, errors);
        if (errors.isEmpty()) {
            try {
                Resource made = resources.create(
                        user,
                        key,
                        new NewResource(
                                name,
                                kind,
                                null,
                                units,
                                rate,
                                null,
                                null,
                                materialLabel.isBlank() ? null : materialLabel,
                                java.util.Arrays.stream(tags.split(","))
                                        .map(String::strip)
                                        .filter(tag -> !tag.isEmpty())
                                        .toList()));
                redirect.addFlashAttribute("notice", made.name() + " added.");
                return "redirect:/projects/" + key + "/resources";
            } catch (InvalidInput e) {
                e.errors().forEach(problem -> errors.putIfAbsent(problem.field(), capitalised(problem.message())));
            }
        }
        redirect.addFlashAttribute(
                "problem",
                "Not added: "
                        + String.join(
                                " ",
                                errors.entrySet().stream()
                                        .map(error -> error.getKey() + ": " + error.getValue())
                                        .toList()));
        return "redirect:/projects/" + key + "/resources";
    }

    /**
     * Deletes a resource from its page (owners, managers). While it is assigned, only with the box ticked
     * that removes its assignments too; otherwise the page says how many tasks it works on.
     */
    @PostMapping("/projects/{key}/resources/{id}/delete")
    String delete(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            @RequestParam(defaultValue = "false") boolean withAssignments,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        Resource current = resources.get(user, key, id).resource();
        try {
            resources.delete(user, key, id, version, withAssignments);
        } catch (Conflict e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/projects/" + key + "/resources/" + id;
        }
        redirect.addFlashAttribute("notice", current.name() + " deleted.");
        return "redirect:/projects/" + key + "/resources";
    }

    /** Enters time off for a resource from its page (owners, managers). */
    @PostMapping("/projects/{key}/resources/{id}/time-off")
    String addTimeOff(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String firstDay,
            @RequestParam(defaultValue = "") String lastDay,
            @RequestParam(defaultValue = "VACATION") String kind,
            @RequestParam(required = false) List<Integer> weekdays,
            @RequestParam(defaultValue = "") String note,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            TimeOff added =
                    timeOff.addForResource(user, key, id, TimeOffPages.entry(firstDay, lastDay, weekdays, kind, note));
            redirect.addFlashAttribute("notice", added.text() + " entered; the plan was rescheduled.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("problem", TimeOffPages.words(e));
        }
        return "redirect:/projects/" + key + "/resources/" + id;
    }

    @PostMapping("/projects/{key}/resources/{id}/time-off/{timeOffId}/delete")
    String deleteTimeOff(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @PathVariable long timeOffId,
            @RequestParam(required = false) Integer version,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        timeOff.deleteForResource(user, key, id, timeOffId, version);
        redirect.addFlashAttribute("notice", "Time off removed; the plan was rescheduled.");
        return "redirect:/projects/" + key + "/resources/" + id;
    }

    /** The row of one resource as a form (owners and managers; htmx swaps it in place of the row). */
    @GetMapping("/projects/{key}/resources/{id}/edit")
    String edit(CurrentUser user, @PathVariable String key, @PathVariable long id, Model model) {
        ProjectAccess access = projects.access(user, key);
        Resource resource = resources.get(user, key, id).resource();
        access.require(Permission.EDIT_PROJECT);
        return editRow(key, EditForm.of(resource), Map.of(), null, model);
    }

    /** The row as it is, after Cancel. */
    @GetMapping("/projects/{key}/resources/{id}/row")
    String row(CurrentUser user, @PathVariable String key, @PathVariable long id, Model model) {
        ProjectAccess access = projects.access(user, key);
        return showRow(key, resources.get(user, key, id).resource(), canManage(access), null, model);
    }

    /**
     * Saves the form. A wrong value keeps the form open with the reason beside the field; someone else's
     * change in the meantime shows the form again with the current values and what the person had typed,
     * so nothing is lost silently. Answers are 200 so the page swaps them in like any row.
     */
    @PostMapping("/projects/{key}/resources/{id}")
    String save(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String maxUnits,
            @RequestParam(defaultValue = "") String standardRate,
            @RequestParam(defaultValue = "") String overtimeRate,
            @RequestParam(defaultValue = "") String costPerUse,
            @RequestParam int version,
            Model model) {
        EditForm typed = new EditForm(id, name, maxUnits, standardRate, overtimeRate, costPerUse, version);
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal units = number("maxUnits", maxUnits, errors);
        if (maxUnits.isBlank()) {
            errors.put("maxUnits", "Give the maximum units as a percentage, such as 100.");
        }
        BigDecimal standard = number("standardRate", standardRate, errors);
        BigDecimal overtime = number("overtimeRate", overtimeRate, errors);
        BigDecimal perUse = number("costPerUse", costPerUse, errors);
        if (!errors.isEmpty()) {
            return editRow(key, typed, errors, null, model);
        }
        List<String> clear = new ArrayList<>();
        if (standard == null) {
            clear.add("standardRate");
        }
        if (overtime == null) {
            clear.add("overtimeRate");
        }
        if (perUse == null) {
            clear.add("costPerUse");
        }
        try {
            Resource saved = resources.update(
                    user, key, id, new ResourceChanges(name, units, standard, overtime, perUse, clear, version));
            return showRow(key, saved, true, "Saved.", model);
        } catch (InvalidInput e) {
            e.errors().forEach(problem -> errors.putIfAbsent(problem.field(), capitalised(problem.message())));
            return editRow(key, typed, errors, null, model);
        } catch (StaleVersion e) {
            Resource current = (Resource) e.current();
            String message = "Someone else changed this resource since you opened it; here are the current values."
                    + " You had typed: " + typed.name() + ", " + typed.maxUnits() + " %, standard rate "
                    + blankAsNone(typed.standardRate()) + ", overtime rate " + blankAsNone(typed.overtimeRate())
                    + ", cost per use " + blankAsNone(typed.costPerUse()) + ".";
            return editRow(key, EditForm.of(current), Map.of(), message, model);
        }
    }

    private String editRow(String key, EditForm form, Map<String, String> errors, String conflict, Model model) {
        model.addAttribute("projectKey", key);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("conflict", conflict);
        return "resource/rows :: editRow";
    }

    private String showRow(String key, Resource resource, boolean canManage, String notice, Model model) {
        model.addAttribute("projectKey", key);
        model.addAttribute("r", row(resource));
        model.addAttribute("canManage", canManage);
        model.addAttribute("rowNotice", notice);
        return "resource/rows :: row";
    }

    private static boolean canManage(ProjectAccess access) {
        return access.can(Permission.EDIT_PROJECT) && !access.archived();
    }

    private static BigDecimal number(String field, String text, Map<String, String> errors) {
        String cleaned = text.strip().replace(" ", "").replace(',', '.');
        if (cleaned.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(cleaned);
        } catch (NumberFormatException e) {
            errors.put(field, "'" + text.strip() + "' is not a number; write it like 45 or 67.50.");
            return null;
        }
    }

    private static String blankAsNone(String text) {
        return text == null || text.isBlank() ? "none" : text;
    }

    private static String capitalised(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }

    static Row row(Resource resource) {
        return new Row(
                resource.id(),
                resource.name(),
                kind(resource),
                resource.kind().equals("WORK") ? percent(resource.maxUnits()) : "",
                rate(resource.standardRate(), resource.standardRatePer(), resource.currency()),
                rate(resource.overtimeRate(), resource.overtimeRatePer(), resource.currency()),
                resource.costPerUse() == null || resource.costPerUse().signum() == 0
                        ? ""
                        : money(resource.costPerUse(), resource.currency()),
                resource.calendarName() != null && !resource.calendarName().isBlank()
                        ? resource.calendarName()
                        : resource.calendarKey() == null ? "Project calendar" : resource.calendarKey(),
                resource.assignmentCount(),
                resource.kind().equals("WORK") ? hours(resource.assignedWorkMinutes()) : "");
    }

    private static String kind(Resource resource) {
        return switch (resource.kind()) {
            case "MATERIAL" ->
                resource.materialLabel() == null || resource.materialLabel().isBlank()
                        ? "Material"
                        : "Material (" + resource.materialLabel() + ")";
            case "COST" -> "Cost";
            default -> "Work";
        };
    }

    static String percent(BigDecimal units) {
        return units == null ? "" : units.stripTrailingZeros().toPlainString() + " %";
    }

    /** Working minutes as hours, the unit Microsoft Project shows work in: 4500 minutes is "75 h". */
    static String hours(long minutes) {
        return BigDecimal.valueOf(minutes)
                        .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString()
                + " h";
    }

    static String rate(BigDecimal amount, String per, String currency) {
        if (amount == null || amount.signum() == 0) {
            return "";
        }
        String unit =
                switch (per == null ? "HOURS" : per.toUpperCase(Locale.ROOT).replace("ELAPSED_", "")) {
                    case "MINUTES" -> "/min";
                    case "DAYS" -> "/day";
                    case "WEEKS" -> "/week";
                    case "MONTHS" -> "/month";
                    case "YEARS" -> "/year";
                    default -> "/h";
                };
        return money(amount, currency) + unit;
    }

    private static String money(BigDecimal amount, String currency) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + (currency == null ? "" : currency);
    }

    /**
     * A refusal on these pages in words: the error page with the reason for a page load; for an htmx
     * request (Edit, Save) the message in the page's flash area, answered 200 so the row stays as it was.
     */
    @ExceptionHandler({NotFound.class, Forbidden.class, Conflict.class})
    String refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return PageProblems.refusal(e, request, response, model);
    }
}
