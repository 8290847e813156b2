package org.gantry.interchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a plan as an Excel workbook (.xlsx): a "Tasks" sheet with the columns of {@link PlanTable}, dates
 * and numbers as real dates and numbers, and a "Resources" sheet. Rows are streamed, so a 10,000-task plan
 * needs little memory.
 */
public final class ExcelExport {
    private static final int[] TASK_COLUMN_WIDTHS = {6, 10, 8, 10, 40, 10, 10, 17, 17, 16, 24, 11, 22, 17, 17, 40};

    private ExcelExport() {}

    public static void write(Plan plan, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));

            Sheet tasks = workbook.createSheet("Tasks");
            writeHeader(tasks, PlanTable.headers(), header);
            int r = 1;
            for (List<PlanTable.Cell> values : PlanTable.rows(plan)) {
                Row row = tasks.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    PlanTable.Cell value = values.get(c);
                    Cell cell = row.createCell(c);
                    if (value.date() != null) {
                        cell.setCellValue(value.date());
                        cell.setCellStyle(date);
                    } else if (value.number() != null) {
                        cell.setCellValue(value.number());
                    } else if (!value.text().isEmpty()) {
                        cell.setCellValue(value.text());
                    }
                }
            }
            for (int c = 0; c < TASK_COLUMN_WIDTHS.length; c++) {
                tasks.setColumnWidth(c, TASK_COLUMN_WIDTHS[c] * 256);
            }
            tasks.createFreezePane(0, 1);

            Sheet resources = workbook.createSheet("Resources");
            writeHeader(
                    resources,
                    List.of(
                            "Unique ID",
                            "Name",
                            "Type",
                            "Initials",
                            "Email",
                            "Group",
                            "Max Units",
                            "Standard Rate",
                            "Overtime Rate",
                            "Cost/Use"),
                    header);
            r = 1;
            for (PlanResource resource : plan.resources()) {
                Row row = resources.createRow(r++);
                row.createCell(0).setCellValue(resource.key());
                row.createCell(1).setCellValue(resource.name());
                row.createCell(2)
                        .setCellValue(resource.kind().name().charAt(0)
                                + resource.kind().name().substring(1).toLowerCase(java.util.Locale.ROOT));
                text(row, 3, resource.initials());
                text(row, 4, resource.email());
                text(row, 5, resource.group());
                row.createCell(6).setCellValue(resource.maxUnits());
                text(row, 7, rate(resource.standardRate()));
                text(row, 8, rate(resource.overtimeRate()));
                if (resource.costPerUse() != null) {
                    row.createCell(9).setCellValue(resource.costPerUse().doubleValue());
                }
            }
            resources.setColumnWidth(1, 30 * 256);
            workbook.write(out);
            workbook.dispose();
        }
    }

    private static String rate(PlanRate rate) {
        return rate == null
                ? null
                : rate.amount().stripTrailingZeros().toPlainString() + "/" + PlanTable.unitAbbreviation(rate.per());
    }

    private static void text(Row row, int column, String value) {
        if (value != null && !value.isEmpty()) {
            row.createCell(column).setCellValue(value);
        }
    }

    private static void writeHeader(Sheet sheet, List<String> headers, CellStyle style) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(style);
        }
    }

    public static byte[] bytes(Plan plan) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(plan, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
