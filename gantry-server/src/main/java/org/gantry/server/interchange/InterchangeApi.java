package org.gantry.server.interchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gantry.interchange.ColumnMapping;
import org.gantry.interchange.CsvExport;
import org.gantry.interchange.ExcelExport;
import org.gantry.interchange.ImportFailure;
import org.gantry.interchange.MspdiExport;
import org.gantry.interchange.Plan;
import org.gantry.interchange.Spreadsheet;
import org.gantry.interchange.XerExport;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.gantry.server.shared.InvalidInput;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Import and export", description = "Project files in and out: Microsoft Project, Primavera, CSV, Excel")
@GantryApi
class InterchangeApi {
    private final PlanImport imports;
    private final PlanExport exports;

    InterchangeApi(PlanImport imports, PlanExport exports) {
        this.imports = imports;
        this.exports = exports;
    }

    @Operation(
            summary = "Read a project file and report what an import would create, and which dates Gantry's"
                    + " engine computes differently; writes nothing")
    @PostMapping(path = "/api/v1/projects/import/report", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportSummary report(CurrentUser user, @RequestParam("file") MultipartFile file) throws ImportFailure, IOException {
        String fileName = UploadNames.checked(file);
        try (InputStream in = file.getInputStream()) {
            return imports.report(in, fileName);
        }
    }

    @Operation(
            summary = "Import a project file (any format MPXJ reads: .mpp, .xml, .mpx, .xer, .pmxml, .gan, .pod...)"
                    + " as a new project; dates=file keeps the file's dates, dates=gantry the engine's")
    @PostMapping(path = "/api/v1/projects/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportSummary> importFile(
            CurrentUser user,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String key,
            @RequestParam(defaultValue = "file") String dates)
            throws ImportFailure, IOException {
        DateChoice choice =
                switch (dates.toLowerCase(Locale.ROOT)) {
                    case "file" -> DateChoice.FILE;
                    case "gantry" -> DateChoice.GANTRY;
                    default -> throw new InvalidInput("dates", "must be file or gantry");
                };
        String fileName = UploadNames.checked(file);
        ImportSummary summary;
        try (InputStream in = file.getInputStream()) {
            summary = imports.importFile(user, in, fileName, key, choice);
        }
        return ResponseEntity.created(URI.create("/api/v1/projects/" + summary.projectKey()))
                .body(summary);
    }

    @Operation(
            summary = "Spreadsheet import, step 1: the headers, the detected (or given) column mapping, the first"
                    + " tasks and every row error of a CSV or Excel file; writes nothing. mapping lists a column"
                    + " (NAME, DURATION, START, FINISH, PREDECESSORS, OUTLINE_LEVEL, WBS, RESOURCE_NAMES, ...,"
                    + " IGNORED) for each column of the sheet")
    @PostMapping(path = "/api/v1/projects/import/table/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    TablePreview previewTable(
            CurrentUser user,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) List<String> mapping,
            @RequestParam(required = false) String name)
            throws ImportFailure, IOException {
        String fileName = UploadNames.checked(file);
        Spreadsheet sheet = TablePreviews.sheet(file, fileName, imports.limits());
        ColumnMapping columns = TablePreviews.mapping(sheet, mapping);
        return TablePreviews.of(sheet, columns, imports.previewTable(sheet, columns, fileName, name));
    }

    @Operation(
            summary = "Spreadsheet import, step 2: create the project from a CSV or Excel file with the column"
                    + " mapping; 422 with every row error, and nothing created, when any row is wrong")
    @PostMapping(path = "/api/v1/projects/import/table", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportSummary> importTable(
            CurrentUser user,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) List<String> mapping,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String key)
            throws ImportFailure, IOException {
        String fileName = UploadNames.checked(file);
        Spreadsheet sheet = TablePreviews.sheet(file, fileName, imports.limits());
        ImportSummary summary =
                imports.importTable(user, sheet, TablePreviews.mapping(sheet, mapping), fileName, name, key);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + summary.projectKey()))
                .body(summary);
    }

    /** A spreadsheet with wrong rows: every problem with its row and column, nothing written. */
    @ExceptionHandler(TableRowsRejected.class)
    ProblemDetail rowsRejected(TableRowsRejected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Rows of the spreadsheet are wrong");
        problem.setProperty(
                "rows",
                e.errors().stream()
                        .map(error -> Map.of(
                                "row", error.row(),
                                "column", error.column() == null ? "" : error.column(),
                                "value", error.value() == null ? "" : error.value(),
                                "problem", error.problem(),
                                "message", error.describe()))
                        .toList());
        return problem;
    }

    @Operation(
            summary = "Import a project file into an existing project: its tasks and links go after the"
                    + " project's tasks; dates=file keeps the file's dates, dates=gantry the engine's")
    @PostMapping(path = "/api/v1/projects/{project}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportSummary importInto(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "file") String dates)
            throws ImportFailure, IOException {
        DateChoice choice =
                switch (dates.toLowerCase(Locale.ROOT)) {
                    case "file" -> DateChoice.FILE;
                    case "gantry" -> DateChoice.GANTRY;
                    default -> throw new InvalidInput("dates", "must be file or gantry");
                };
        String fileName = UploadNames.checked(file);
        try (InputStream in = file.getInputStream()) {
            return imports.importInto(user, project, in, fileName, choice);
        }
    }

    @Operation(summary = "Export a project as mspdi (Microsoft Project XML), xer (Primavera), csv or xlsx")
    @GetMapping("/api/v1/projects/{project}/export")
    ResponseEntity<byte[]> export(
            CurrentUser user, @PathVariable String project, @RequestParam(defaultValue = "mspdi") String format)
            throws IOException {
        String wanted = format.toLowerCase(Locale.ROOT);
        if (!wanted.matches("mspdi|xml|xer|csv|xlsx")) {
            throw new InvalidInput("format", "must be mspdi, xer, csv or xlsx");
        }
        Plan plan = exports.plan(user, project);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String extension;
        MediaType type;
        switch (wanted) {
            case "xer" -> {
                XerExport.write(plan, out);
                extension = "xer";
                type = MediaType.parseMediaType("application/x-primavera-xer");
            }
            case "csv" -> {
                CsvExport.write(plan, out);
                extension = "csv";
                type = MediaType.parseMediaType("text/csv;charset=UTF-8");
            }
            case "xlsx" -> {
                ExcelExport.write(plan, out);
                extension = "xlsx";
                type = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }
            default -> {
                MspdiExport.write(plan, out);
                extension = "xml";
                type = MediaType.APPLICATION_XML;
            }
        }
        String fileName = project.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_-]", "") + "." + extension;
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(out.toByteArray());
    }

    /** A file Gantry cannot import: the reason in the detail, nothing written. */
    @ExceptionHandler(ImportFailure.class)
    ProblemDetail importFailure(ImportFailure e) {
        HttpStatus status =
                switch (e.reason()) {
                    case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
                    case UNRECOGNISED_FORMAT -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
                    case EMPTY -> HttpStatus.BAD_REQUEST;
                    default -> HttpStatus.UNPROCESSABLE_CONTENT;
                };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle("The file cannot be imported");
        problem.setProperty("reason", e.reason().name());
        return problem;
    }
}
