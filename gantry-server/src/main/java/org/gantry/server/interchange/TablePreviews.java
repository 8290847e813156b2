package org.gantry.server.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gantry.interchange.ArchiveLimits;
import org.gantry.interchange.ColumnMapping;
import org.gantry.interchange.ImportFailure;
import org.gantry.interchange.PlanDuration;
import org.gantry.interchange.PlanProperties;
import org.gantry.interchange.PlanTask;
import org.gantry.interchange.Spreadsheet;
import org.gantry.interchange.TableColumn;
import org.gantry.interchange.TableImportResult;
import org.gantry.server.shared.InvalidInput;
import org.springframework.web.multipart.MultipartFile;

/** The spreadsheet steps shared by the API and the import page: reading the sheet, the mapping, the preview. */
final class TablePreviews {
    static final int PREVIEW_TASKS = 50;

    private TablePreviews() {}

    static boolean isSpreadsheet(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".xlsx") || name.endsWith(".xls");
    }

    static Spreadsheet sheet(MultipartFile file, String name, ArchiveLimits limits) throws ImportFailure, IOException {
        String fileName = name == null ? "" : name.toLowerCase(Locale.ROOT);
        try (InputStream in = file.getInputStream()) {
            return fileName.endsWith(".xlsx") || fileName.endsWith(".xls")
                    ? Spreadsheet.readExcel(in, limits)
                    : Spreadsheet.readCsv(in);
        }
    }

    /** The mapping sent (one column name per column of the sheet), or the one detected from the headers. */
    static ColumnMapping mapping(Spreadsheet sheet, List<String> names) {
        if (names == null || names.isEmpty()) {
            return ColumnMapping.detect(sheet.headers());
        }
        List<TableColumn> columns = new ArrayList<>();
        for (String columnName : names) {
            try {
                columns.add(TableColumn.valueOf(columnName.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput(
                        "mapping", "'" + columnName + "' is not a column; use one of " + List.of(TableColumn.values()));
            }
        }
        return new ColumnMapping(columns);
    }

    static TablePreview of(Spreadsheet sheet, ColumnMapping columns, TableImportResult result) {
        List<TablePreview.PreviewTask> tasks = new ArrayList<>();
        if (result.plan() != null) {
            PlanProperties properties = result.plan().properties();
            for (PlanTask task : result.plan().tasks()) {
                if (tasks.size() == PREVIEW_TASKS) {
                    break;
                }
                tasks.add(new TablePreview.PreviewTask(
                        task.outlineLevel(),
                        task.wbs(),
                        task.name(),
                        task.kind().name(),
                        duration(task.duration(), properties),
                        task.start() == null ? null : task.start().toString().replace('T', ' '),
                        task.finish() == null ? null : task.finish().toString().replace('T', ' ')));
            }
        }
        return new TablePreview(
                sheet.headers(),
                columns.columns().stream().map(Enum::name).toList(),
                sheet.rows().size(),
                tasks,
                result.errors());
    }

    static String duration(PlanDuration duration, PlanProperties properties) {
        double value = duration.value(properties);
        String amount =
                value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
        return switch (duration.unit()) {
            case MINUTES -> amount + "m";
            case HOURS -> amount + "h";
            case WEEKS -> amount + "w";
            case MONTHS -> amount + "mo";
            case ELAPSED_MINUTES -> amount + "em";
            case ELAPSED_HOURS -> amount + "eh";
            case ELAPSED_DAYS -> amount + "ed";
            case ELAPSED_WEEKS -> amount + "ew";
            case ELAPSED_MONTHS -> amount + "emo";
            default -> amount + "d";
        };
    }
}
