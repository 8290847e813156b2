package org.gantry.server.report;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A one-click report (schedule, milestones, late tasks, baseline variance, workload) computed at a date from
 * the stored schedule: {@code figures} are its headline numbers, {@code rows} its table, each row a map from
 * a column's id to its value (text, a date, a number of working days with one decimal, a percentage, hours).
 * Nothing is stored: the same request on an unchanged plan gives the same report. {@code baselineSlot} is the
 * baseline compared with (milestones, baseline variance); {@code note} says what a reader must know (no
 * baseline set, rows omitted).
 */
public record ProjectReport(
        String project,
        String projectName,
        String kind,
        String title,
        LocalDateTime asOf,
        String asOfSource,
        int baselineSlot,
        boolean baselineSet,
        List<Figure> figures,
        List<Column> columns,
        List<Map<String, Object>> rows,
        String note) {

    /** A headline number: {@code value} is a number, a date or a text. */
    public record Figure(String id, String label, Object value) {}

    /** A column of the table. {@code type}: text, date, days, percent, hours or number. */
    public record Column(String id, String label, String type) {}

    /** One of the reports on offer, for the Reports tab and the API's list. */
    public record Kind(String kind, String title, String description) {}
}
