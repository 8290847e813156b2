package org.gantry.server.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.GantryApi;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Tag(
        name = "One-click reports",
        description = "Schedule, milestone, late-task, baseline-variance and workload reports computed at a date"
                + " from the stored schedule, as JSON, PDF or Excel; anyone who reads the project reads them")
@GantryApi
class ProjectReportApi {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ProjectReportService reports;
    private final ProjectService projects;
    private final StatusReportPdf pdf;

    ProjectReportApi(ProjectReportService reports, ProjectService projects, StatusReportPdf pdf) {
        this.reports = reports;
        this.projects = projects;
        this.pdf = pdf;
    }

    @Operation(summary = "The one-click reports on offer (kind, title, what it holds)")
    @GetMapping("/api/v1/projects/{project}/reports")
    List<ProjectReport.Kind> kinds(CurrentUser user, @PathVariable String project) {
        projects.access(user, project).require(Permission.READ);
        return ProjectReportService.KINDS;
    }

    @Operation(
            summary = "A one-click report: schedule, milestones, late-tasks, baseline-variance or workload",
            description = "date: a day (the report is measured at 23:59 of it; default the project's status date,"
                    + " else now); baseline: 0-10 (default 0), compared with by milestones and baseline-variance;"
                    + " format: json (default), pdf or xlsx. 400 names each wrong parameter; an unknown kind is 404.")
    @GetMapping("/api/v1/projects/{project}/reports/{kind}")
    ResponseEntity<?> report(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable String kind,
            @RequestParam(required = false) String date,
            @RequestParam(required = false) String baseline,
            @RequestParam(required = false) String format) {
        ProjectReportService.Request request = ProjectReportService.Request.parse(kind, date, baseline, format);
        ProjectReport report = reports.report(user, project, request);
        if (request.format().equals("json")) {
            return ResponseEntity.ok(report);
        }
        boolean asPdf = request.format().equals("pdf");
        String name = report.project() + "-" + report.kind() + "-report-"
                + report.asOf().toLocalDate() + "." + request.format();
        return ResponseEntity.ok()
                .contentType(asPdf ? MediaType.APPLICATION_PDF : XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(asPdf ? pdf.render(report) : ProjectReportWorkbook.of(report));
    }
}
