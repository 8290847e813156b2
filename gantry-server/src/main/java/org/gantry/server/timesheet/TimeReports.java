package org.gantry.server.timesheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports of a project's hours by person, task, activity type or week, as a table, CSV or an Excel workbook.
 * Everyone's hours: owners and managers only (as for reading everyone's time entries).
 */
@Service
public class TimeReports {
    static final List<String> GROUPINGS = List.of("person", "task", "activity", "week");

    private final JdbcClient jdbc;
    private final ProjectService projects;

    TimeReports(JdbcClient jdbc, ProjectService projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    @Transactional(readOnly = true)
    public TimeReport report(CurrentUser user, String projectRef, String by, LocalDate from, LocalDate to) {
        ProjectAccess access = projects.access(user, projectRef);
        String grouping = by == null || by.isBlank() ? "person" : by.strip().toLowerCase(Locale.ROOT);
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (!GROUPINGS.contains(grouping)) {
            problems.add("by", "must be person, task, activity or week");
        }
        if (from != null && (from.getYear() < 1900 || from.getYear() > 2200)) {
            problems.add("from", "must lie between 1900-01-01 and 2200-12-31");
        }
        if (to != null && (to.getYear() < 1900 || to.getYear() > 2200)) {
            problems.add("to", "must lie between 1900-01-01 and 2200-12-31");
        }
        if (from != null && to != null && to.isBefore(from)) {
            problems.add("to", "must not be before from");
        }
        problems.throwIfAny();
        access.require(Permission.SEE_COSTS);
        // key, label and order of each grouping; the label is computed once per group.
        String[] group =
                switch (grouping) {
                    case "task" ->
                        new String[] {
                            "e.task_id::text",
                            "max(array_to_string(t.outline_path, '.') || ' ' || t.name)",
                            "max(t.outline_path)"
                        };
                    case "activity" ->
                        new String[] {
                            "coalesce(e.activity_type_id, 0)::text",
                            "coalesce(max(a.name), 'No activity type')",
                            "coalesce(max(a.name), '~')"
                        };
                    case "week" ->
                        new String[] {
                            "(e.entry_date - (extract(isodow from e.entry_date)::int - 1))::text",
                            "'Week of ' || (e.entry_date - (extract(isodow from e.entry_date)::int - 1))::text",
                            "(e.entry_date - (extract(isodow from e.entry_date)::int - 1))::text"
                        };
                    default -> new String[] {"e.user_id::text", "max(u.name)", "max(u.name)"};
                };
        List<TimeReport.Line> lines = jdbc.sql("select " + group[0] + " as key, " + group[1] + " as label,"
                        + " sum(e.minutes), sum(e.minutes) filter (where e.billable), sum(e.minutes) filter (where"
                        + " e.state = 'APPROVED') from time_entry e join task t on t.id = e.task_id join app_user u"
                        + " on u.id = e.user_id left join time_activity_type a on a.id = e.activity_type_id"
                        + " where e.project_id = :project and (cast(:from as date) is null or e.entry_date >= :from)"
                        + " and (cast(:to as date) is null or e.entry_date <= :to) group by " + group[0]
                        + " order by " + group[2] + ", 1")
                .param("project", access.projectId())
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new TimeReport.Line(
                        rs.getString(1),
                        rs.getString(2),
                        hours(rs.getLong(3)),
                        hours(rs.getLong(4)),
                        hours(rs.getLong(5))))
                .list();
        BigDecimal hours = BigDecimal.ZERO;
        BigDecimal billable = BigDecimal.ZERO;
        BigDecimal approved = BigDecimal.ZERO;
        for (TimeReport.Line line : lines) {
            hours = hours.add(line.hours());
            billable = billable.add(line.billableHours());
            approved = approved.add(line.approvedHours());
        }
        return new TimeReport(access.key(), grouping, from, to, lines, hours, billable, approved);
    }

    /** Hours to at most two decimals, without trailing zeros (7.5, not 7.50; 8, not 8E+0). */
    private static BigDecimal hours(long minutes) {
        BigDecimal hours = BigDecimal.valueOf(minutes)
                .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return hours.scale() < 0 ? hours.setScale(0) : hours;
    }

    private static String heading(String by) {
        return switch (by) {
            case "task" -> "Task";
            case "activity" -> "Activity type";
            case "week" -> "Week";
            default -> "Person";
        };
    }

    /** The report as CSV (RFC 4180, UTF-8): a line per group, then the total. */
    static byte[] csv(TimeReport report) {
        StringBuilder out = new StringBuilder();
        out.append(heading(report.by())).append(",Hours,Billable hours,Approved hours\r\n");
        for (TimeReport.Line line : report.lines()) {
            out.append(field(line.label()))
                    .append(',')
                    .append(line.hours().toPlainString())
                    .append(',')
                    .append(line.billableHours().toPlainString())
                    .append(',')
                    .append(line.approvedHours().toPlainString())
                    .append("\r\n");
        }
        out.append("Total,")
                .append(report.hours().toPlainString())
                .append(',')
                .append(report.billableHours().toPlainString())
                .append(',')
                .append(report.approvedHours().toPlainString())
                .append("\r\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The report as an Excel workbook: one sheet, numbers as numbers, labels as text. */
    static byte[] workbook(TimeReport report) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Hours by " + report.by());
            Row header = sheet.createRow(0);
            List<String> headers = List.of(heading(report.by()), "Hours", "Billable hours", "Approved hours");
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            int at = 1;
            for (TimeReport.Line line : report.lines()) {
                row(sheet.createRow(at++), line.label(), line.hours(), line.billableHours(), line.approvedHours());
            }
            row(sheet.createRow(at), "Total", report.hours(), report.billableHours(), report.approvedHours());
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Row row, String label, BigDecimal hours, BigDecimal billable, BigDecimal approved) {
        // A text cell: a label starting with = or + is never evaluated as a formula.
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(hours.doubleValue());
        row.createCell(2).setCellValue(billable.doubleValue());
        row.createCell(3).setCellValue(approved.doubleValue());
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
