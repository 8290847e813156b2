package org.gantry.server.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A one-click report as an Excel workbook: a Summary sheet (project, report, date, baseline and the key
 * figures) and a sheet with the table, its columns as on the page. Dates are real dates, days, hours and
 * percentages real numbers; text is always a text cell, never a formula.
 */
final class ProjectReportWorkbook {

    private ProjectReportWorkbook() {}

    /** The table's sheet, named after the report (Excel allows 31 characters). */
    static String tableSheet(ProjectReport report) {
        return switch (report.kind()) {
            case "schedule" -> "Schedule";
            case "milestones" -> "Milestones";
            case "late-tasks" -> "Late tasks";
            case "baseline-variance" -> "Baseline variance";
            default -> "Workload";
        };
    }

    static byte[] of(ProjectReport report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(
                    workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);

            Sheet summary = workbook.createSheet("Summary");
            List<List<Object>> lines = new ArrayList<>();
            lines.add(List.of("Project", report.projectName()));
            lines.add(List.of("Report", report.title()));
            lines.add(List.of("As of", report.asOf().toLocalDate()));
            lines.add(List.of("Measured at", report.asOfSource()));
            lines.add(List.of("Baseline", report.baselineSlot()));
            lines.add(List.of());
            lines.add(List.of("Key figure", "Value"));
            for (ProjectReport.Figure figure : report.figures()) {
                List<Object> line = new ArrayList<>();
                line.add(figure.label());
                line.add(figure.value());
                lines.add(line);
            }
            if (report.note() != null) {
                lines.add(List.of());
                lines.add(List.of("Note", report.note()));
            }
            int at = 0;
            for (List<Object> line : lines) {
                Row row = summary.createRow(at++);
                for (int i = 0; i < line.size(); i++) {
                    write(row, i, line.get(i), dateStyle);
                }
            }
            summary.setColumnWidth(0, 36 * 256);
            summary.setColumnWidth(1, 40 * 256);

            Sheet table = workbook.createSheet(tableSheet(report));
            Row head = table.createRow(0);
            for (int i = 0; i < report.columns().size(); i++) {
                Cell cell = head.createCell(i);
                cell.setCellValue(report.columns().get(i).label());
                cell.setCellStyle(header);
                boolean wide = report.columns().get(i).type().equals("text");
                table.setColumnWidth(i, (wide ? 32 : 16) * 256);
            }
            table.createFreezePane(0, 1);
            int rowAt = 1;
            for (Map<String, Object> values : report.rows()) {
                Row row = table.createRow(rowAt++);
                for (int i = 0; i < report.columns().size(); i++) {
                    write(row, i, values.get(report.columns().get(i).id()), dateStyle);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, int column, Object value, CellStyle dateStyle) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(dateStyle);
        } else if (value instanceof BigDecimal number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else {
            cell.setCellValue(value.toString());
        }
    }
}
