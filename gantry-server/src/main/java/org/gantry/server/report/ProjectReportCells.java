package org.gantry.server.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * How a one-click report's cell is written on its page and in its PDF, by the column's type: a dash for no
 * value, "12 %" for a percentage, dates as 2026-03-13, numbers as they are (days and hours already carry
 * one decimal). Public because the templates call it.
 */
public final class ProjectReportCells {

    public String cell(Map<String, Object> row, ProjectReport.Column column) {
        return value(row.get(column.id()), column.type());
    }

    public String value(Object value, String type) {
        if (value == null) {
            return "–";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString() + (type != null && type.equals("percent") ? " %" : "");
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (type != null && type.equals("percent")) {
            return value + " %";
        }
        return value.toString();
    }

    /** Whether the column holds numbers (right-aligned). */
    public boolean numeric(ProjectReport.Column column) {
        return switch (column.type()) {
            case "days", "percent", "hours", "number" -> true;
            default -> false;
        };
    }

    /** A positive variance or a lateness is shown in red (with the number: never by colour alone). */
    public boolean late(Map<String, Object> row, ProjectReport.Column column) {
        Object value = row.get(column.id());
        return (column.id().endsWith("VarianceDays")
                        || column.id().equals("varianceDays")
                        || column.id().equals("daysLate"))
                && value instanceof BigDecimal number
                && number.signum() > 0;
    }
}
