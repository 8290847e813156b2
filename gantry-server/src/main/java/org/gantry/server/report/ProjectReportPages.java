package org.gantry.server.report;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The one-click reports' pages under the project's Reports tab ({@code /projects/{key}/reports/schedule},
 * {@code .../milestones}, {@code .../late-tasks}, {@code .../baseline-variance}, {@code .../workload}): a form
 * for the date and the baseline (a GET, so a report's address can be bookmarked and sent), the figures and
 * the table, and the PDF and Excel downloads of the same report through the API. Literal paths, so they win
 * over the status report's {@code /reports/{id}}.
 */
@Controller
class ProjectReportPages {

    private final ProjectService projects;
    private final ProjectReportService reports;

    ProjectReportPages(ProjectService projects, ProjectReportService reports) {
        this.projects = projects;
        this.reports = reports;
    }

    @GetMapping({
        "/projects/{key}/reports/schedule",
        "/projects/{key}/reports/milestones",
        "/projects/{key}/reports/late-tasks",
        "/projects/{key}/reports/baseline-variance",
        "/projects/{key}/reports/workload"
    })
    String report(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String baseline,
            HttpServletRequest request,
            Model model) {
        Project project = projects.get(user, key);
        String uri = request.getRequestURI();
        String kind = uri.substring(uri.lastIndexOf('/') + 1);
        ProjectReport.Kind chosen = ProjectReportService.kind(kind);
        model.addAttribute("project", project);
        model.addAttribute("tab", "reports");
        model.addAttribute("kind", chosen);
        model.addAttribute("kinds", ProjectReportService.KINDS);
        model.addAttribute("cells", new ProjectReportCells());
        model.addAttribute("date", date == null ? "" : date);
        model.addAttribute("baseline", baseline == null || baseline.isBlank() ? "0" : baseline);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            ProjectReportService.Request wanted = ProjectReportService.Request.parse(kind, date, baseline, null);
            ProjectReport report = reports.report(user, project.key(), wanted);
            model.addAttribute("report", report);
            model.addAttribute(
                    "query",
                    (wanted.date() == null ? "" : "date=" + wanted.date() + "&") + "baseline=" + wanted.baselineSlot());
        } catch (InvalidInput e) {
            e.errors().forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
            model.addAttribute("report", null);
        }
        model.addAttribute("errors", errors);
        return "report/one-click";
    }
}
