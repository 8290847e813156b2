package org.gantry.server.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.gantry.server.shared.InvalidInput;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(
        name = "Status reports",
        description = "The dashboard frozen at a report date with RAG per area, milestones, key risks and issues,"
                + " accomplishments, next steps and schedule variance; drafts are edited, published ones never"
                + " change")
@GantryApi
class StatusReportApi {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final StatusReportService reports;
    private final StatusReportPdf pdf;

    StatusReportApi(StatusReportService reports, StatusReportPdf pdf) {
        this.reports = reports;
        this.pdf = pdf;
    }

    @Operation(
            summary = "Create a status report now (owners, managers)",
            description = "Every field optional: statusDate (default the project's status date, else today),"
                    + " baselineSlot (0-10, default 0), nextPeriodDays (1-92, default 14), title. The dashboard and"
                    + " every section are frozen in the report's snapshot; RAGs start at the computed health"
                    + " colours.")
    @PostMapping("/api/v1/projects/{project}/status-reports")
    ResponseEntity<StatusReport> create(
            CurrentUser user, @PathVariable String project, @RequestBody(required = false) NewStatusReport body) {
        StatusReport created = reports.create(user, project, body);
        return ResponseEntity.created(
                        URI.create("/api/v1/projects/" + created.project() + "/status-reports/" + created.id()))
                .body(created);
    }

    @Operation(
            summary = "The project's status reports, newest report date first, without their snapshots",
            description = "Stakeholders see the published ones only.")
    @GetMapping("/api/v1/projects/{project}/status-reports")
    List<StatusReport.Line> list(CurrentUser user, @PathVariable String project) {
        return reports.list(user, project);
    }

    @Operation(
            summary = "One status report with its snapshot (stakeholders: published ones only)",
            description = "Members and stakeholders see the cost figures hidden, as on the dashboard.")
    @GetMapping("/api/v1/projects/{project}/status-reports/{id}")
    StatusReport get(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return reports.get(user, project, id);
    }

    @Operation(
            summary = "One status report as a PDF or an Excel workbook (format=pdf or xlsx; who may read it)",
            description = "The PDF holds real text (DejaVu Sans embedded); the workbook a sheet per section.")
    @GetMapping(value = "/api/v1/projects/{project}/status-reports/{id}", params = "format")
    ResponseEntity<byte[]> export(
            CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestParam String format) {
        String wanted = format == null ? "" : format.strip().toLowerCase(Locale.ROOT);
        if (!wanted.equals("pdf") && !wanted.equals("xlsx")) {
            throw new InvalidInput("format", "must be pdf or xlsx");
        }
        return download(reports.get(user, project, id), wanted);
    }

    @Operation(summary = "One status report as a PDF (who may read it)")
    @GetMapping("/api/v1/projects/{project}/status-reports/{id}.pdf")
    ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return download(reports.get(user, project, id), "pdf");
    }

    @Operation(summary = "One status report as an Excel workbook, a sheet per section (who may read it)")
    @GetMapping("/api/v1/projects/{project}/status-reports/{id}.xlsx")
    ResponseEntity<byte[]> workbook(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return download(reports.get(user, project, id), "xlsx");
    }

    private ResponseEntity<byte[]> download(StatusReport report, String format) {
        boolean asPdf = format.equals("pdf");
        String name = report.project() + "-status-report-" + report.statusDate().toLocalDate() + "-" + report.id() + "."
                + format;
        return ResponseEntity.ok()
                .contentType(asPdf ? MediaType.APPLICATION_PDF : XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(asPdf ? pdf.render(report) : StatusReportWorkbook.of(report));
    }

    @Operation(
            summary = "Edit a draft's title, summary and each area's RAG and comment (owners, managers)",
            description = "version required: 409 with the current report when stale, 409 when published.")
    @PatchMapping("/api/v1/projects/{project}/status-reports/{id}")
    StatusReport update(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestBody(required = false) StatusReportChanges body) {
        return reports.update(user, project, id, body);
    }

    @Operation(
            summary = "Publish a draft (owners, managers): from then on it never changes",
            description = "version required: 409 with the current report when stale or already published.")
    @PostMapping("/api/v1/projects/{project}/status-reports/{id}/publish")
    StatusReport publish(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestBody(required = false) PublishStatusReport body) {
        return reports.publish(user, project, id, body);
    }

    @Operation(summary = "Delete a draft (owners, managers); a published report is kept (409)")
    @DeleteMapping("/api/v1/projects/{project}/status-reports/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        reports.delete(user, project, id);
    }
}
