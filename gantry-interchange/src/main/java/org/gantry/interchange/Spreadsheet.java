package org.gantry.interchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * The values of a CSV file or of an Excel workbook's first sheet, as text: a header row and data rows.
 * Excel dates become "yyyy-MM-dd HH:mm", so both sources parse the same way. Row numbers in messages are
 * the spreadsheet's own: the header is row {@code headerRow} (1 unless blank rows come first) and data row
 * {@code k} (from 0) is row {@code headerRow + 1 + k}.
 */
public record Spreadsheet(int headerRow, List<String> headers, List<List<String>> rows) {
    /** More rows than this is not a plan someone maintains in a spreadsheet. */
    public static final int MAXIMUM_ROWS = 100_000;

    public Spreadsheet {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
    }

    /** Reads CSV: comma, semicolon or tab separated (whichever the header uses most), UTF-8 or Windows-1252. */
    public static Spreadsheet readCsv(InputStream in) throws ImportFailure {
        byte[] bytes = readAll(in);
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new ImportFailure(ImportFailure.Reason.EMPTY, "The file is empty: it holds no rows.");
        }
        char separator = separator(text);
        List<List<String>> records = parseCsv(text, separator);
        return fromRecords(records);
    }

    /** Reads the first sheet of an Excel workbook (.xlsx or .xls). */
    public static Spreadsheet readExcel(InputStream in) throws ImportFailure {
        return readExcel(in, ArchiveLimits.DEFAULT);
    }

    /** {@link #readExcel(InputStream)} with the server's limits on archives (an .xlsx file is a zip). */
    public static Spreadsheet readExcel(InputStream in, ArchiveLimits limits) throws ImportFailure {
        byte[] bytes = readAll(in);
        if (bytes.length == 0) {
            throw new ImportFailure(ImportFailure.Reason.EMPTY, "The file is empty: it holds no rows.");
        }
        limits.check(new ByteArrayInputStream(bytes));
        List<List<String>> records = new ArrayList<>();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new ImportFailure(ImportFailure.Reason.EMPTY, "The workbook has no sheets.");
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
            for (Row row : sheet) {
                if (records.size() > MAXIMUM_ROWS) {
                    break;
                }
                while (records.size() < row.getRowNum()) {
                    records.add(List.of());
                }
                List<String> values = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    values.add(cellText(row.getCell(c), formatter));
                }
                records.add(values);
            }
        } catch (ImportFailure e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ImportFailure(
                    ImportFailure.Reason.UNRECOGNISED_FORMAT,
                    "The file is not an Excel workbook Gantry can read (.xlsx or .xls), or it is damaged: "
                            + e.getMessage(),
                    e);
        }
        return fromRecords(records);
    }

    private static String cellText(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDateTime date = cell.getLocalDateTimeCellValue();
            return date == null ? "" : PlanTable.DATE_TIME.format(date);
        }
        if (type == CellType.NUMERIC) {
            return PlanTable.formatNumber(cell.getNumericCellValue());
        }
        if (type == CellType.BOOLEAN) {
            return cell.getBooleanCellValue() ? "Yes" : "No";
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue();
        }
        return formatter.formatCellValue(cell);
    }

    private static Spreadsheet fromRecords(List<List<String>> records) throws ImportFailure {
        int first = 0;
        while (first < records.size() && blank(records.get(first))) {
            first++;
        }
        if (first >= records.size()) {
            throw new ImportFailure(ImportFailure.Reason.EMPTY, "The file is empty: it holds no rows.");
        }
        if (records.size() - first > MAXIMUM_ROWS + 1) {
            throw new ImportFailure(
                    ImportFailure.Reason.TOO_LARGE,
                    "The sheet has more than " + MAXIMUM_ROWS + " rows; split it into several projects.");
        }
        List<String> headers = records.get(first).stream().map(String::strip).toList();
        return new Spreadsheet(first + 1, headers, records.subList(first + 1, records.size()));
    }

    /** The spreadsheet row number of data row {@code index} (from 0). */
    public int rowNumber(int index) {
        return headerRow + 1 + index;
    }

    static boolean blank(List<String> row) {
        return row.stream().allMatch(v -> v == null || v.isBlank());
    }

    private static byte[] readAll(InputStream in) throws ImportFailure {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, PlanReader.MAXIMUM_BYTES + 1));
            if (bytes.length > PlanReader.MAXIMUM_BYTES) {
                throw new ImportFailure(
                        ImportFailure.Reason.TOO_LARGE,
                        "The file is larger than " + PlanReader.MAXIMUM_BYTES / (1024 * 1024) + " MB.");
            }
            return bytes;
        } catch (IOException e) {
            throw new ImportFailure(ImportFailure.Reason.DAMAGED, "The file could not be read: " + e.getMessage(), e);
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            // Not UTF-8: Excel on Windows saves CSV in the ANSI code page.
            return new String(bytes, java.nio.charset.Charset.forName("windows-1252"));
        }
    }

    private static char separator(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long most = 0;
        for (char candidate : new char[] {',', ';', '\t'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > most) {
                most = count;
                best = candidate;
            }
        }
        return best;
    }

    /** RFC 4180: quoted fields may hold separators, doubled quotes and line breaks. */
    static List<List<String>> parseCsv(String text, char separator) throws ImportFailure {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (quoted) {
                if (c == '"') {
                    if (k + 1 < text.length() && text.charAt(k + 1) == '"') {
                        field.append('"');
                        k++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0 && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == separator) {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && k + 1 < text.length() && text.charAt(k + 1) == '\n') {
                    k++;
                }
                record.add(field.toString());
                records.add(record);
                if (records.size() > MAXIMUM_ROWS + 1) {
                    throw new ImportFailure(
                            ImportFailure.Reason.TOO_LARGE,
                            "The file has more than " + MAXIMUM_ROWS + " rows; split it into several projects.");
                }
                record = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                line++;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new ImportFailure(
                    ImportFailure.Reason.DAMAGED,
                    "The file ends inside a quoted value that starts on or before line " + line
                            + "; it may be cut short.");
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
