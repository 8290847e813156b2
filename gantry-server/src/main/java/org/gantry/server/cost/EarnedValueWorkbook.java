package org.gantry.server.cost;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The earned value table as an Excel workbook: the project's line, then one line per task in WBS order. */
final class EarnedValueWorkbook {
    private static final List<String> HEADERS =
            List.of("WBS", "Task", "BAC", "PV", "EV", "AC", "SV", "CV", "SPI", "CPI", "EAC", "ETC", "VAC", "TCPI");

    private EarnedValueWorkbook() {}

    static byte[] bytes(EarnedValueView report) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Earned value " + report.statusDate());
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                header.createCell(i).setCellValue(HEADERS.get(i));
            }
            line(sheet.createRow(1), "", report.project() + " (" + report.currency() + ")", report.total());
            int at = 2;
            for (EarnedValueView.TaskFigures task : report.tasks()) {
                line(sheet.createRow(at++), task.wbs(), task.name(), task.figures());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(Row row, String wbs, String name, EarnedValueView.Figures figures) {
        row.createCell(0).setCellValue(wbs);
        // A leading =, +, - or @ would be read as a formula by a spreadsheet: the name stays text.
        row.createCell(1).setCellValue(name);
        BigDecimal[] values = {
            figures.budgetAtCompletion(),
            figures.plannedValue(),
            figures.earnedValue(),
            figures.actualCost(),
            figures.scheduleVariance(),
            figures.costVariance(),
            figures.schedulePerformanceIndex(),
            figures.costPerformanceIndex(),
            figures.estimateAtCompletion(),
            figures.estimateToComplete(),
            figures.varianceAtCompletion(),
            figures.toCompletePerformanceIndex()
        };
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                row.createCell(2 + i).setCellValue(values[i].doubleValue());
            }
        }
    }
}
