package org.gantry.server.timesheet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Locale;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.gantry.server.shared.InvalidInput;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Tag(name = "Time entries", description = "Hours people spent on tasks")
@GantryApi
class TimeReportApi {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final TimeReports reports;

    TimeReportApi(TimeReports reports) {
        this.reports = reports;
    }

    @Operation(
            summary = "The project's hours by person, task, activity type or week (owners, managers)",
            description = "by: person (default), task, activity, week; from and to: days, inclusive. Per line and in"
                    + " total: hours, billable hours, approved hours.")
    @GetMapping("/api/v1/projects/{project}/time-report")
    TimeReport report(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        return reports.report(user, project, by, from, to);
    }

    @Operation(
            summary = "The same report as CSV or an Excel workbook (owners, managers)",
            description = "format: csv (RFC 4180, UTF-8) or xlsx; by, from, to as for the report.")
    @GetMapping("/api/v1/projects/{project}/time-report/export")
    ResponseEntity<byte[]> export(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String by,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to) {
        String wanted =
                format == null || format.isBlank() ? "csv" : format.strip().toLowerCase(Locale.ROOT);
        if (!wanted.equals("csv") && !wanted.equals("xlsx")) {
            throw new InvalidInput("format", "must be csv or xlsx");
        }
        TimeReport report = reports.report(user, project, by, from, to);
        boolean csv = wanted.equals("csv");
        return ResponseEntity.ok()
                .contentType(csv ? CSV : XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(report.projectKey() + "-hours-by-" + report.by() + "." + wanted)
                                .build()
                                .toString())
                .body(csv ? TimeReports.csv(report) : TimeReports.workbook(report));
    }
}
