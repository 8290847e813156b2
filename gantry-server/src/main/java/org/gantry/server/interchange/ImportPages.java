package org.gantry.server.interchange;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.gantry.interchange.ColumnMapping;
import org.gantry.interchange.ImportFailure;
import org.gantry.interchange.Spreadsheet;
import org.gantry.interchange.TableColumn;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page: choose a file, read the import report (tasks whose dates Gantry's engine computes
 * differently, and what the file holds that Gantry does not keep), then import keeping the file's dates
 * or Gantry's. The file travels with each request, so nothing is stored until the user chooses.
 */
@Controller
class ImportPages {
    /** The report lists at most this many moved tasks; the rest are counted. */
    static final int SHOWN_DIFFERENCES = 500;

    private final PlanImport imports;

    ImportPages(PlanImport imports) {
        this.imports = imports;
    }

    @GetMapping("/projects/import")
    String form() {
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
        if (TablePreviews.isSpreadsheet(file.getOriginalFilename())) {
            return table(file, mapping, model, response);
        }
        try (InputStream in = file.getInputStream()) {
            ImportSummary summary = imports.report(in, file.getOriginalFilename());
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
            @RequestParam(defaultValue = "file") String dates,
            Model model,
            HttpServletResponse response)
            throws IOException {
        DateChoice choice = "gantry".equals(dates) ? DateChoice.GANTRY : DateChoice.FILE;
        try (InputStream in = file.getInputStream()) {
            ImportSummary summary = imports.importFile(
                    user, in, file.getOriginalFilename(), key == null || key.isBlank() ? null : key, choice);
            // htmx follows this header with a full page load of the new project.
            response.setHeader("HX-Redirect", "/projects/" + summary.projectKey());
            model.addAttribute("summary", summary);
            return "interchange/fragments :: done";
        } catch (ImportFailure e) {
            return failure(model, response, e.getMessage());
        } catch (InvalidInput | Conflict e) {
            return failure(model, response, "Nothing was imported: " + e.getMessage());
        }
    }

    /** The mapping step of a CSV or Excel file: a column choice per header, the preview, the row errors. */
    private String table(MultipartFile file, List<String> names, Model model, HttpServletResponse response)
            throws IOException {
        try {
            Spreadsheet sheet = TablePreviews.sheet(file);
            ColumnMapping mapping = TablePreviews.mapping(sheet, names);
            TablePreview preview = TablePreviews.of(
                    sheet, mapping, imports.previewTable(sheet, mapping, file.getOriginalFilename(), null));
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
            Model model,
            HttpServletResponse response)
            throws IOException {
        try {
            Spreadsheet sheet = TablePreviews.sheet(file);
            ImportSummary summary = imports.importTable(
                    user,
                    sheet,
                    TablePreviews.mapping(sheet, mapping),
                    file.getOriginalFilename(),
                    null,
                    key == null || key.isBlank() ? null : key);
            response.setHeader("HX-Redirect", "/projects/" + summary.projectKey());
            model.addAttribute("summary", summary);
            return "interchange/fragments :: done";
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
        model.addAttribute("error", message);
        return "interchange/fragments :: failure";
    }
}
