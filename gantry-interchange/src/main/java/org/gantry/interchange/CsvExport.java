package org.gantry.interchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a plan's tasks as CSV (RFC 4180: commas, double quotes, CRLF), UTF-8 with a byte order mark so
 * that Excel shows accented names correctly. The columns are those of {@link PlanTable}.
 */
public final class CsvExport {
    private CsvExport() {}

    public static void write(Plan plan, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        writeLine(writer, PlanTable.headers());
        for (List<PlanTable.Cell> row : PlanTable.rows(plan)) {
            writeLine(writer, row.stream().map(PlanTable.Cell::text).toList());
        }
        writer.flush();
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

    private static void writeLine(Writer writer, List<String> values) throws IOException {
        for (int k = 0; k < values.size(); k++) {
            if (k > 0) {
                writer.write(',');
            }
            writer.write(quote(values.get(k)));
        }
        writer.write("\r\n");
    }

    /** First characters that make a spreadsheet read a cell as a formula. */
    static final String FORMULA_STARTS = "=+-@\t\r";

    static String quote(String value) {
        if (value == null) {
            return "";
        }
        boolean needsQuotes = value.indexOf(',') >= 0
                || value.indexOf('"') >= 0
                || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0
                || value.indexOf('\t') >= 0
                || value.indexOf(';') >= 0;
        // A leading =, +, -, @, tab or carriage return would make a spreadsheet evaluate the cell as a
        // formula (OWASP's CSV injection list); an apostrophe in front makes it text.
        String safe = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return needsQuotes || safe != value ? "\"" + safe.replace("\"", "\"\"") + "\"" : value;
    }
}
