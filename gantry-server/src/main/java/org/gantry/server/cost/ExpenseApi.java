package org.gantry.server.cost;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.gantry.server.collaboration.AttachmentTooLarge;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.GantryApi;
import org.gantry.server.shared.InvalidInput;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;

@Tag(name = "Expenses", description = "Money spent for a project on a day; it counts in the actual cost")
@GantryApi
@RequestMapping("/api/v1/projects/{project}/expenses")
class ExpenseApi {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ExpenseService expenses;
    private final ProjectService projects;

    ExpenseApi(ExpenseService expenses, ProjectService projects) {
        this.expenses = expenses;
        this.projects = projects;
    }

    @Operation(
            summary = "The expenses you may see as CSV or an Excel workbook",
            description =
                    "format: csv (RFC 4180, UTF-8) or xlsx; from, to and task as for the list. The same rows as"
                            + " the list (owners and managers everyone's, members their own, stakeholders 403), then the total.")
    @GetMapping("/export")
    ResponseEntity<byte[]> export(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) Long task) {
        String wanted =
                format == null || format.isBlank() ? "csv" : format.strip().toLowerCase(Locale.ROOT);
        if (!wanted.equals("csv") && !wanted.equals("xlsx")) {
            throw new InvalidInput("format", "must be csv or xlsx");
        }
        List<Expense> rows = expenses.list(user, project, from, to, task);
        Project shown = projects.get(user, project);
        boolean csv = wanted.equals("csv");
        return ResponseEntity.ok()
                .contentType(csv ? CSV : XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(shown.key() + "-expenses." + wanted)
                                .build()
                                .toString())
                .body(
                        csv
                                ? ExpenseExports.csv(rows, shown.currency())
                                : ExpenseExports.workbook(rows, shown.currency()));
    }

    @Operation(
            summary = "Attach the receipt of an expense (multipart/form-data, part \"file\"), replacing its last one",
            description = "Your own expense; owners and managers: anyone's. A PDF or an image (PNG, JPEG, GIF, WebP,"
                    + " HEIC) as detected from the bytes, else 400. Over the per-file limit (GANTRY_ATTACHMENT_MAX_FILE,"
                    + " 25 MB) or the project's total of files (GANTRY_ATTACHMENT_MAX_PROJECT, 1 GB) is a 413. Answers"
                    + " the expense with its receipt.")
    @PostMapping(path = "/{id}/receipt", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Expense attachReceipt(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null) {
            return expenses.attachReceipt(user, project, id, null, null);
        }
        try (InputStream content = file.getInputStream()) {
            return expenses.attachReceipt(user, project, id, file.getOriginalFilename(), content);
        }
    }

    @Operation(summary = "Download an expense's receipt (whoever sees the expense; 404 without one)")
    @GetMapping("/{id}/receipt")
    ResponseEntity<Resource> receipt(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return expenses.receipt(user, project, id).response();
    }

    @Operation(summary = "Remove an expense's receipt (whoever may change the expense; 404 without one)")
    @DeleteMapping("/{id}/receipt")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteReceipt(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        expenses.deleteReceipt(user, project, id);
    }

    @ExceptionHandler(AttachmentTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(AttachmentTooLarge e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setTitle("Receipt too large");
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Operation(
            summary = "The project's expenses you may see, by date",
            description = "Owners and managers see everyone's, members their own, stakeholders none (403). Filters:"
                    + " from and to (dates, inclusive), task (id).")
    @GetMapping
    List<Expense> list(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) Long task) {
        return expenses.list(user, project, from, to, task);
    }

    @Operation(summary = "One expense (your own; owners and managers: anyone's)")
    @GetMapping("/{id}")
    Expense get(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return expenses.get(user, project, id);
    }

    @Operation(
            summary = "Record an expense of yours (owners, managers, members)",
            description =
                    "date, amount (more than 0, at most two decimals, project currency), note, taskId" + " (optional).")
    @PostMapping
    ResponseEntity<Expense> create(CurrentUser user, @PathVariable String project, @RequestBody NewExpense body) {
        Expense expense = expenses.create(user, project, body);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project + "/expenses/" + expense.id()))
                .body(expense);
    }

    @Operation(
            summary = "Change an expense; version required, 409 with the current expense when stale",
            description = "Your own; owners and managers: anyone's. taskId 0 takes it off its task.")
    @PatchMapping("/{id}")
    Expense update(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestBody ExpenseChanges changes) {
        return expenses.update(user, project, id, changes);
    }

    @Operation(summary = "Delete an expense (optionally only at the given version)")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestParam(required = false) Integer version) {
        expenses.delete(user, project, id, version);
    }
}
