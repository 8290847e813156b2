package org.gantry.server.cost;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The expense list as CSV or an Excel workbook: the same rows the caller sees in the list (owners and managers
 * everyone's, members their own), a line each, then the total.
 */
final class ExpenseExports {
    private static final List<String> HEADERS =
            List.of("Date", "Person", "Task", "Amount", "Currency", "Note", "Receipt");

    private ExpenseExports() {}

    /** RFC 4180, UTF-8; formula triggers in text neutralised. */
    static byte[] csv(List<Expense> expenses, String currency) {
        StringBuilder out = new StringBuilder(String.join(",", HEADERS)).append("\r\n");
        for (Expense x : expenses) {
            out.append(x.date())
                    .append(',')
                    .append(field(x.userName()))
                    .append(',')
                    .append(field(x.taskName()))
                    .append(',')
                    .append(x.amount().toPlainString())
                    .append(',')
                    .append(field(currency))
                    .append(',')
                    .append(field(x.note()))
                    .append(',')
                    .append(field(x.receipt() == null ? "" : x.receipt().name()))
                    .append("\r\n");
        }
        out.append("Total,,,")
                .append(total(expenses).toPlainString())
                .append(',')
                .append(field(currency))
                .append(",,\r\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One sheet; dates and text as text, amounts as numbers. */
    static byte[] workbook(List<Expense> expenses, String currency) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Expenses");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                header.createCell(i).setCellValue(HEADERS.get(i));
            }
            int at = 1;
            for (Expense x : expenses) {
                Row row = sheet.createRow(at++);
                // Text cells: a note starting with = or + is never evaluated as a formula.
                row.createCell(0).setCellValue(x.date().toString());
                row.createCell(1).setCellValue(x.userName());
                row.createCell(2).setCellValue(x.taskName() == null ? "" : x.taskName());
                row.createCell(3).setCellValue(x.amount().doubleValue());
                row.createCell(4).setCellValue(currency);
                row.createCell(5).setCellValue(x.note());
                row.createCell(6)
                        .setCellValue(x.receipt() == null ? "" : x.receipt().name());
            }
            Row total = sheet.createRow(at);
            total.createCell(0).setCellValue("Total");
            total.createCell(3).setCellValue(total(expenses).doubleValue());
            total.createCell(4).setCellValue(currency);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BigDecimal total(List<Expense> expenses) {
        return expenses.stream().map(Expense::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** One CSV field: formula triggers neutralised, quoted when it holds a comma, quote or line break. */
    private static String field(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
