package org.gantry.server.interchange;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;
import org.gantry.interchange.ColumnMapping;
import org.gantry.interchange.ImportFailure;
import org.gantry.interchange.Spreadsheet;
import org.gantry.interchange.TableColumn;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.web.PageProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page: choose a file, read the import report (tasks whose dates Gantry's engine computes
 * differently, and what the file holds that Gantry does not keep), then import keeping the file's dates
 * or Gantry's, and land on the project's Gantt chart. The file travels with each request, so nothing is
 * stored until the user chooses. Aimed at an existing project ({@code /projects/{key}/import}) the file's
 * tasks are added after the project's own.
 */
@Controller
class ImportPages {
    /** The report lists at most this many moved tasks; the rest are counted. */
    static final int SHOWN_DIFFERENCES = 500;

    private static final Pattern TECHNICAL = Pattern.compile("\\s*\\([^()]*(Exception|Error)[^()]*\\)");

    private final PlanImport imports;
    private final ProjectService projects;

    ImportPages(PlanImport imports, ProjectService projects) {
        this.imports = imports;
        this.projects = projects;
    }

    @GetMapping("/projects/import")
    String form(CurrentUser user, Model model) {
        model.addAttribute("me", user);
        return "interchange/import";
    }

    /**
     * The same page aimed at an existing project: the file's tasks go after the project's own. Only people
     * who may edit tasks get here (stakeholders are refused with the page's 403).
     */
    @GetMapping("/projects/{key}/import")
    String formInto(CurrentUser user, @PathVariable String key, Model model) {
        projects.access(user, key).require(Permission.EDIT_TASKS);
        model.addAttribute("me", user);
        model.addAttribute("project", projects.get(user, key));
        model.addAttribute("tab", "import");
        return "interchange/import";
    }

    @PostMapping(path = "/projects/import/report", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String report(
            CurrentUser user,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) List<String> mapping,
            Model model,
            HttpServletResponse response)
            throws IOException {
        if (TablePreviews.isSpreadsheet(UploadNames.cleaned(file))) {
            return table(file, mapping, model, response);
        }
        try (InputStream in = file.getInputStream()) {
            ImportSummary summary = imports.report(in, UploadNames.cleaned(file));
            model.addAttribute("summary", summary);
            model.addAttribute(
                    "shown",
                    summary.dateDifferences().stream().limit(SHOWN_DIFFERENCES).toList());
            return "interchange/fragments :: report";
        } catch (ImportFailure e) {
            return failure(model, response, e.getMessage());
        }
    }

    @PostMapping(path = "/projects/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String importFile(
            CurrentUser user,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String into,
            @RequestParam(defaultValue = "file") String dates,
            Model model,
            HttpServletResponse response)
            throws IOException {
        DateChoice choice = "gantry".equals(dates) ? DateChoice.GANTRY : DateChoice.FILE;
        try (InputStream in = file.getInputStream()) {
            ImportSummary summary = into == null || into.isBlank()
                    ? imports.importFile(
                            user, in, UploadNames.cleaned(file), key == null || key.isBlank() ? null : key, choice)
                    : imports.importInto(user, into, in, UploadNames.cleaned(file), choice);
            return done(summary, model, response);
        } catch (ImportFailure e) {
            return failure(model, response, e.getMessage());
        } catch (InvalidInput | Conflict | NotFound | Forbidden e) {
            return failure(model, response, "Nothing was imported: " + e.getMessage());
        }
    }

    /**
     * After an import the person wants to see the plan as a schedule: htmx follows HX-Redirect with a full
     * page load of the project's Gantt chart; the fragment offers the same link should the redirect not run.
     */
    private static String done(ImportSummary summary, Model model, HttpServletResponse response) {
        response.setHeader("HX-Redirect", "/projects/" + summary.projectKey() + "/gantt");
        model.addAttribute("summary", summary);
        return "interchange/fragments :: done";
    }

    /** The mapping step of a CSV or Excel file: a column choice per header, the preview, the row errors. */
    private String table(MultipartFile file, List<String> names, Model model, HttpServletResponse response)
            throws IOException {
        try {
            Spreadsheet sheet = TablePreviews.sheet(file, UploadNames.cleaned(file), imports.limits());
            ColumnMapping mapping = TablePreviews.mapping(sheet, names);
            TablePreview preview = TablePreviews.of(
                    sheet, mapping, imports.previewTable(sheet, mapping, UploadNames.cleaned(file), null));
            model.addAttribute("preview", preview);
            model.addAttribute("columns", List.of(TableColumn.values()));
            return "interchange/fragments :: table";
        } catch (ImportFailure e) {
            return failure(model, response, e.getMessage());
        } catch (InvalidInput e) {
            return failure(model, response, e.getMessage());
        }
    }

    @PostMapping(path = "/projects/import/table", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String importTable(
            CurrentUser user,
            @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) List<String> mapping,
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String into,
            Model model,
            HttpServletResponse response)
            throws IOException {
        if (into != null && !into.isBlank()) {
            return failure(
                    model,
                    response,
                    "A CSV or Excel sheet is imported as a new project: use Import a project on the project list,"
                            + " or export the plan to Microsoft Project XML first.");
        }
        try {
            Spreadsheet sheet = TablePreviews.sheet(file, UploadNames.cleaned(file), imports.limits());
            ImportSummary summary = imports.importTable(
                    user,
                    sheet,
                    TablePreviews.mapping(sheet, mapping),
                    UploadNames.cleaned(file),
                    null,
                    key == null || key.isBlank() ? null : key);
            return done(summary, model, response);
        } catch (TableRowsRejected e) {
            String page = table(file, mapping, model, response);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page;
        } catch (ImportFailure e) {
            return failure(model, response, e.getMessage());
        } catch (InvalidInput | Conflict e) {
            return failure(model, response, "Nothing was imported: " + e.getMessage());
        }
    }

    private static String failure(Model model, HttpServletResponse response, String message) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        // The reader's technical cause (an exception name in brackets) helps the API's users, not a PM.
        model.addAttribute(
                "error",
                message == null
                        ? "The file cannot be imported."
                        : TECHNICAL.matcher(message).replaceAll(""));
        return "interchange/fragments :: failure";
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
