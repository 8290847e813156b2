package org.gantry.server.report;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.StaleVersion;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The status report pages: the project's reports (/projects/{key}/reports, with a form to create one) and one
 * report (/projects/{key}/reports/{id}), where owners and managers set each area's RAG and comment while it
 * is a draft, publish it, or delete it. The dashboard's "Create status report" button posts the same form with
 * its defaults: one click makes a report for the status date.
 */
@Controller
class StatusReportPages {

    private final ProjectService projects;
    private final StatusReportService reports;

    StatusReportPages(ProjectService projects, StatusReportService reports) {
        this.projects = projects;
        this.reports = reports;
    }

    /** The create form as typed (texts, so a typo is a field message rather than a failed binding). */
    record CreateForm(String title, String statusDate, String baselineSlot, String nextPeriodDays) {

        static CreateForm empty() {
            return new CreateForm("", "", "0", String.valueOf(StatusReportService.DEFAULT_NEXT_PERIOD_DAYS));
        }

        NewStatusReport parse(InvalidInput.Collector problems) {
            LocalDate date = null;
            if (statusDate != null && !statusDate.isBlank()) {
                try {
                    date = LocalDate.parse(statusDate.strip());
                } catch (DateTimeParseException e) {
                    problems.add("statusDate", "must be a date such as 2026-03-13");
                }
            }
            return new NewStatusReport(
                    title == null || title.isBlank() ? null : title,
                    date,
                    whole("baselineSlot", baselineSlot, problems),
                    whole("nextPeriodDays", nextPeriodDays, problems));
        }
    }

    /** The edit form: one RAG and comment per area, with the version the page showed. */
    record EditForm(
            String version,
            String title,
            String summary,
            String scheduleRag,
            String scheduleComment,
            String costRag,
            String costComment,
            String scopeRag,
            String scopeComment,
            String riskRag,
            String riskComment) {

        StatusReportChanges parse(InvalidInput.Collector problems) {
            Map<String, StatusReportChanges.AreaChange> areas = new LinkedHashMap<>();
            areas.put("schedule", new StatusReportChanges.AreaChange(scheduleRag, scheduleComment));
            areas.put("cost", new StatusReportChanges.AreaChange(costRag, costComment));
            areas.put("scope", new StatusReportChanges.AreaChange(scopeRag, scopeComment));
            areas.put("risk", new StatusReportChanges.AreaChange(riskRag, riskComment));
            return new StatusReportChanges(whole("version", version, problems), title, summary, areas);
        }
    }

    private static Integer whole(String field, String text, InvalidInput.Collector problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            problems.add(field, "must be a whole number");
            return null;
        }
    }

    @GetMapping("/projects/{key}/reports")
    String list(CurrentUser user, @PathVariable String key, Model model) {
        Project project = projects.get(user, key);
        return list(user, project, CreateForm.empty(), Map.of(), model);
    }

    @PostMapping("/projects/{key}/reports")
    String create(
            CurrentUser user, @PathVariable String key, CreateForm form, Model model, RedirectAttributes redirect) {
        Project project = projects.get(user, key);
        CreateForm typed = form == null ? CreateForm.empty() : form;
        var problems = new InvalidInput.Collector();
        NewStatusReport wanted = typed.parse(problems);
        try {
            problems.throwIfAny();
            StatusReport created = reports.create(user, project.key(), wanted);
            redirect.addFlashAttribute(
                    "notice",
                    "Status report created with the figures of "
                            + created.statusDate().toLocalDate()
                            + ". Review the RAG per area, add your comments, then publish it.");
            return "redirect:/projects/" + project.key() + "/reports/" + created.id();
        } catch (InvalidInput e) {
            return list(user, project, typed, messages(e), model);
        }
    }

    /** The addresses a refused publish or delete stays at: reloading them opens the report. */
    @GetMapping({"/projects/{key}/reports/{id}/publish", "/projects/{key}/reports/{id}/delete"})
    String refusedForm(CurrentUser user, @PathVariable String key, @PathVariable long id) {
        return "redirect:/projects/" + projects.get(user, key).key() + "/reports/" + id;
    }

    @GetMapping("/projects/{key}/reports/{id}")
    String report(CurrentUser user, @PathVariable String key, @PathVariable long id, Model model) {
        Project project = projects.get(user, key);
        StatusReport report = reports.get(user, project.key(), id);
        return report(user, project, report, null, Map.of(), model);
    }

    @PostMapping("/projects/{key}/reports/{id}")
    String save(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            EditForm form,
            Model model,
            RedirectAttributes redirect) {
        Project project = projects.get(user, key);
        var problems = new InvalidInput.Collector();
        StatusReportChanges changes = form.parse(problems);
        try {
            problems.throwIfAny();
            reports.update(user, project.key(), id, changes);
            redirect.addFlashAttribute("notice", "Status report saved.");
            return "redirect:/projects/" + project.key() + "/reports/" + id;
        } catch (InvalidInput e) {
            return report(user, project, reports.get(user, project.key(), id), form, messages(e), model);
        } catch (StaleVersion e) {
            model.addAttribute(
                    "problem",
                    "Someone else changed this report meanwhile; it shows their version now. Apply your change again.");
            return report(user, project, reports.get(user, project.key(), id), null, Map.of(), model);
        } catch (Conflict e) {
            model.addAttribute("problem", e.getMessage());
            return report(user, project, reports.get(user, project.key(), id), null, Map.of(), model);
        }
    }

    @PostMapping("/projects/{key}/reports/{id}/publish")
    String publish(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            String version,
            Model model,
            RedirectAttributes redirect) {
        Project project = projects.get(user, key);
        var problems = new InvalidInput.Collector();
        Integer wanted = whole("version", version, problems);
        try {
            problems.throwIfAny();
            reports.publish(user, project.key(), id, new PublishStatusReport(wanted));
            redirect.addFlashAttribute("notice", "Status report published: it will not change any more.");
            return "redirect:/projects/" + project.key() + "/reports/" + id;
        } catch (InvalidInput | StaleVersion e) {
            model.addAttribute(
                    "problem",
                    "Someone else changed this report meanwhile; it shows their version now. Check it, then publish.");
            return report(user, project, reports.get(user, project.key(), id), null, Map.of(), model);
        } catch (Conflict e) {
            model.addAttribute("problem", e.getMessage());
            return report(user, project, reports.get(user, project.key(), id), null, Map.of(), model);
        }
    }

    @PostMapping("/projects/{key}/reports/{id}/delete")
    String delete(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            Model model,
            RedirectAttributes redirect) {
        Project project = projects.get(user, key);
        try {
            reports.delete(user, project.key(), id);
            redirect.addFlashAttribute("notice", "Draft status report deleted.");
            return "redirect:/projects/" + project.key() + "/reports";
        } catch (Conflict e) {
            model.addAttribute("problem", e.getMessage());
            return report(user, project, reports.get(user, project.key(), id), null, Map.of(), model);
        }
    }

    private String list(CurrentUser user, Project project, CreateForm form, Map<String, String> errors, Model model) {
        ProjectAccess access = projects.access(user, project.key());
        List<StatusReport.Line> lines = reports.list(user, project.key());
        model.addAttribute("project", project);
        model.addAttribute("tab", "reports");
        model.addAttribute("reports", lines);
        model.addAttribute("kinds", ProjectReportService.KINDS);
        // The workload report shows people's load across all their projects: for those who see the Workload tab's.
        model.addAttribute("seesWorkload", access.can(Permission.EDIT_PROJECT));
        model.addAttribute("canEdit", reports.canEdit(access));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "report/reports";
    }

    private String report(
            CurrentUser user,
            Project project,
            StatusReport report,
            EditForm form,
            Map<String, String> errors,
            Model model) {
        ProjectAccess access = projects.access(user, project.key());
        model.addAttribute("project", project);
        model.addAttribute("tab", "reports");
        model.addAttribute("report", report);
        model.addAttribute("snapshot", report.snapshot());
        model.addAttribute("dashboard", report.snapshot().dashboard());
        model.addAttribute("canEdit", reports.canEdit(access) && report.state().equals("DRAFT"));
        model.addAttribute(
                "canShare",
                access.can(Permission.EDIT_PROJECT) && report.state().equals("PUBLISHED"));
        model.addAttribute("seesCosts", access.can(Permission.SEE_COSTS));
        model.addAttribute("rags", StatusReportService.RAGS);
        model.addAttribute("errors", errors);
        Map<String, String> values = new LinkedHashMap<>();
        for (StatusReport.Area area : report.areas()) {
            values.put(area.area() + "Rag", area.rag());
            values.put(area.area() + "Comment", area.comment());
        }
        values.put("title", report.title());
        values.put("summary", report.summary());
        if (form != null) {
            // A refused form shows what was typed, not what is stored.
            values.put("title", form.title());
            values.put("summary", form.summary());
            values.put("scheduleRag", form.scheduleRag());
            values.put("scheduleComment", form.scheduleComment());
            values.put("costRag", form.costRag());
            values.put("costComment", form.costComment());
            values.put("scopeRag", form.scopeRag());
            values.put("scopeComment", form.scopeComment());
            values.put("riskRag", form.riskRag());
            values.put("riskComment", form.riskComment());
        }
        model.addAttribute("values", values);
        return "report/report";
    }

    /** Field messages by the form's field names (areas.cost.rag is the form's costRag). */
    private static Map<String, String> messages(InvalidInput e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors().forEach(p -> {
            String field = p.field();
            if (field.startsWith("areas.")) {
                String[] parts = field.split("\\.");
                field = parts.length == 3
                        ? parts[1] + Character.toUpperCase(parts[2].charAt(0)) + parts[2].substring(1)
                        : field;
            }
            errors.merge(field, p.message(), (a, b) -> a + "; " + b);
        });
        return errors;
    }
}
