package org.gantry.server.risk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The RAID log as a file: CSV (RFC 4180, UTF-8, CRLF line ends, one table of every type) or an Excel
 * workbook with a sheet per type (Risks, Assumptions, Issues, Dependencies, Decisions), a header row and
 * dates as date cells. Both carry the same columns and values, except that a CSV cell starting with = + -
 * or @ (or a tab or carriage return) is prefixed with ' so a spreadsheet opening the file never runs it
 * as a formula; the workbook's cells are typed text, which Excel never evaluates.
 */
final class RaidExport {
    static final List<String> HEADERS = List.of(
            "Type",
            "ID",
            "Title",
            "Description",
            "Owner",
            "Status",
            "Raised",
            "Due",
            "Closed",
            "Probability",
            "Impact",
            "Score",
            "Level",
            "Response",
            "Decided by",
            "Decided on",
            "Rationale",
            "From risk",
            "Tasks",
            "Linked entries");
    private static final Map<String, String> SHEETS = Map.of(
            "RISK", "Risks",
            "ASSUMPTION", "Assumptions",
            "ISSUE", "Issues",
            "DEPENDENCY", "Dependencies",
            "DECISION", "Decisions");

    private RaidExport() {}

    /** One line of the export: a value per header, dates as LocalDate, numbers as Integer, the rest text. */
    static List<List<Object>> rows(RaidLog.Filtered log, Map<Long, String> taskNames) {
        List<List<Object>> rows = new ArrayList<>();
        for (Risk risk : log.risks()) {
            List<Object> row = new ArrayList<>();
            row.add("RISK");
            row.add((int) risk.id());
            row.add(risk.title());
            row.add(riskDescription(risk));
            row.add(risk.ownerName());
            row.add(risk.status());
            row.add(date(risk.createdAt()));
            row.add(risk.reviewDate());
            row.add(null);
            row.add(risk.probability());
            row.add(risk.impact());
            row.add(risk.score());
            row.add(risk.level());
            row.add(
                    risk.responseStrategy() == null
                            ? orEmpty(risk.response())
                            : risk.responseStrategy() + (isBlank(risk.response()) ? "" : ": " + risk.response()));
            row.add(null);
            row.add(null);
            row.add(null);
            row.add(null);
            row.add(tasks(risk.taskIds(), taskNames));
            row.add("");
            rows.add(row);
        }
        for (RaidEntry entry : log.entries()) {
            List<Object> row = new ArrayList<>();
            row.add(entry.type());
            row.add((int) entry.id());
            row.add(entry.title());
            row.add(entry.description());
            row.add(entry.ownerName());
            row.add(entry.status());
            row.add(entry.raisedOn());
            row.add(entry.dueOn());
            row.add(entry.closedOn());
            row.add(null);
            row.add(null);
            row.add(null);
            row.add(null);
            row.add(null);
            row.add(entry.decidedByName());
            row.add(entry.decidedOn());
            row.add(entry.rationale());
            row.add(entry.riskId() == null ? null : entry.riskId().intValue());
            row.add(tasks(entry.taskIds(), taskNames));
            row.add(entry.linkedEntryIds().stream().map(String::valueOf).collect(Collectors.joining(" ")));
            rows.add(row);
        }
        return rows;
    }

    static String riskDescription(Risk risk) {
        List<String> parts = new ArrayList<>();
        if (!isBlank(risk.cause())) {
            parts.add("Cause: " + risk.cause());
        }
        if (!isBlank(risk.event())) {
            parts.add("Event: " + risk.event());
        }
        if (!isBlank(risk.effect())) {
            parts.add("Effect: " + risk.effect());
        }
        return String.join("; ", parts);
    }

    static byte[] csv(List<List<Object>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, new ArrayList<>(HEADERS));
        for (List<Object> row : rows) {
            line(out, row);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(csvField(values.get(i)));
        }
        out.append("\r\n");
    }

    /** One field: formula triggers neutralised, quoted when it holds a comma, quote or line break. */
    static String csvField(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof String && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    static byte[] workbook(List<List<Object>> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(
                    workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (String type : RaidLog.TYPES) {
                Sheet sheet = workbook.createSheet(SHEETS.get(type));
                Row header = sheet.createRow(0);
                for (int i = 0; i < HEADERS.size(); i++) {
                    header.createCell(i).setCellValue(HEADERS.get(i));
                }
                int at = 1;
                for (List<Object> values : rows) {
                    if (!type.equals(values.get(0))) {
                        continue;
                    }
                    Row row = sheet.createRow(at++);
                    for (int i = 0; i < values.size(); i++) {
                        Object value = values.get(i);
                        if (value == null) {
                            continue;
                        }
                        Cell cell = row.createCell(i);
                        if (value instanceof LocalDate date) {
                            cell.setCellValue(date);
                            cell.setCellStyle(dateStyle);
                        } else if (value instanceof Integer number) {
                            cell.setCellValue(number);
                        } else {
                            cell.setCellValue(value.toString());
                        }
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tasks(List<Long> ids, Map<Long, String> names) {
        return ids.stream().map(id -> names.getOrDefault(id, "#" + id)).collect(Collectors.joining("; "));
    }

    private static LocalDate date(Instant instant) {
        return instant == null ? null : instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
