package org.gantry.server.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gantry.server.dashboard.Dashboard;

/**
 * A status report as an Excel workbook, one sheet per section: Summary (the RAG per area, the summary and
 * the key figures), Milestones, Key risks, Open issues, Accomplishments, Next steps, Schedule variance and
 * the Gantt excerpt's rows (reports made before excerpts were taken have none).
 * Dates are real dates and figures real numbers, so a sponsor can sort and chart them; text is always a
 * text cell, never a formula.
 */
final class StatusReportWorkbook {

    private StatusReportWorkbook() {}

    static byte[] of(StatusReport report) {
        ReportSnapshot snapshot = report.snapshot();
        Dashboard dashboard = snapshot.dashboard();
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);

            List<List<Object>> summary = new ArrayList<>();
            summary.add(row("Project", snapshot.projectName()));
            summary.add(row("Report", report.title()));
            summary.add(row("Report date", report.statusDate().toLocalDate()));
            summary.add(row(
                    "State",
                    report.state().equals("PUBLISHED")
                            ? "Published " + report.publishedAt().toString().substring(0, 10)
                            : "Draft"));
            summary.add(row());
            summary.add(row("Area", "RAG", "Computed", "Reason", "Comment"));
            for (StatusReport.Area area : report.areas()) {
                summary.add(row(
                        capitalised(area.area()),
                        rag(area.rag()),
                        rag(area.computed()),
                        area.reason(),
                        area.comment()));
            }
            summary.add(row());
            summary.add(row("Summary", report.summary()));
            summary.add(row());
            summary.add(row("Key figure", "Value"));
            summary.add(row("% complete planned", dashboard.progress().plannedPercent()));
            summary.add(row("% complete actual", dashboard.progress().actualPercent()));
            summary.add(row("Finish", date(dashboard.finish().finish())));
            summary.add(row("Baseline finish", date(dashboard.finish().baselineFinish())));
            summary.add(row("Slip (working days)", dashboard.finish().slipDays()));
            summary.add(
                    row("Critical path (working days)", dashboard.criticalPath().lengthDays()));
            summary.add(row("Critical tasks", dashboard.criticalPath().criticalTasks()));
            summary.add(row("Late tasks", dashboard.tasks().late()));
            summary.add(row("Due this week", dashboard.tasks().dueThisWeek()));
            summary.add(row("Open threats", dashboard.risk().open()));
            Dashboard.Cost cost = dashboard.cost();
            if (cost.state().equals("READY")) {
                summary.add(row("Cost performance index", cost.costPerformanceIndex()));
                summary.add(row("Schedule performance index", cost.schedulePerformanceIndex()));
                summary.add(row("Estimate at completion (" + cost.currency() + ")", cost.estimateAtCompletion()));
            } else {
                summary.add(row("Cost", cost.reason()));
            }
            sheet(workbook, styles, "Summary", null, summary);

            sheet(
                    workbook,
                    styles,
                    "Milestones",
                    row("WBS", "Milestone", "Date", "Baseline", "Variance (working days)", "% complete"),
                    snapshot.milestones().stream()
                            .map(m -> row(
                                    m.wbs(),
                                    m.name(),
                                    date(m.finish()),
                                    date(m.baselineFinish()),
                                    m.varianceDays(),
                                    m.percentComplete()))
                            .toList());
            sheet(
                    workbook,
                    styles,
                    "Key risks",
                    row("Risk", "Score", "Level", "Status", "Owner", "Response"),
                    snapshot.keyRisks().stream()
                            .map(r -> row(
                                    r.title(),
                                    r.score(),
                                    lower(r.level()),
                                    lower(r.status()),
                                    r.ownerName(),
                                    r.response()))
                            .toList());
            sheet(
                    workbook,
                    styles,
                    "Open issues",
                    row("Issue", "Status", "Owner", "Due"),
                    snapshot.openIssues().stream()
                            .map(i -> row(i.title(), lower(i.status()).replace('_', ' '), i.ownerName(), i.dueOn()))
                            .toList());
            sheet(
                    workbook,
                    styles,
                    "Accomplishments",
                    row("WBS", "Task", "Finished"),
                    snapshot.accomplishments().stream()
                            .map(t -> row(t.wbs(), t.name(), date(t.finish())))
                            .toList());
            sheet(
                    workbook,
                    styles,
                    "Next steps",
                    row("WBS", "Task", "Due", "% complete"),
                    snapshot.nextSteps().stream()
                            .map(t -> row(t.wbs(), t.name(), date(t.finish()), t.percentComplete()))
                            .toList());
            sheet(
                    workbook,
                    styles,
                    "Schedule variance",
                    row(
                            "WBS",
                            "Task",
                            "Baseline start",
                            "Start",
                            "Start variance",
                            "Baseline finish",
                            "Finish",
                            "Finish variance",
                            "Duration variance"),
                    snapshot.variance().rows().stream()
                            .map(v -> row(
                                    v.wbs(),
                                    v.name(),
                                    date(v.baselineStart()),
                                    date(v.start()),
                                    v.startVarianceDays(),
                                    date(v.baselineFinish()),
                                    date(v.finish()),
                                    v.finishVarianceDays(),
                                    v.durationVarianceDays()))
                            .toList());
            if (snapshot.gantt() != null) {
                sheet(
                        workbook,
                        styles,
                        "Gantt excerpt",
                        row(
                                "WBS",
                                "Task",
                                "Level",
                                "Type",
                                "Critical",
                                "Start",
                                "Finish",
                                "Baseline start",
                                "Baseline finish",
                                "% complete"),
                        snapshot.gantt().rows().stream()
                                .map(g -> row(
                                        g.wbs(),
                                        g.name(),
                                        g.level(),
                                        g.milestone() ? "milestone" : g.summary() ? "summary" : "task",
                                        g.critical() ? "yes" : "no",
                                        date(g.start()),
                                        date(g.finish()),
                                        date(g.baselineStart()),
                                        date(g.baselineFinish()),
                                        g.percentComplete()))
                                .toList());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Styles(CellStyle date, CellStyle header) {
        Styles(XSSFWorkbook workbook) {
            this(workbook.createCellStyle(), workbook.createCellStyle());
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
        }
    }

    private static void sheet(
            XSSFWorkbook workbook, Styles styles, String name, List<Object> header, List<List<Object>> rows) {
        Sheet sheet = workbook.createSheet(name);
        int at = 0;
        if (header != null) {
            write(sheet.createRow(at++), header, styles, true);
            sheet.createFreezePane(0, 1);
        }
        for (List<Object> values : rows) {
            write(sheet.createRow(at++), values, styles, false);
        }
        int columns = header != null ? header.size() : 5;
        for (int i = 0; i < columns; i++) {
            sheet.setColumnWidth(i, i == 0 || i == 1 ? 40 * 256 : 18 * 256);
        }
    }

    private static void write(Row row, List<Object> values, Styles styles, boolean header) {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(styles.date());
            } else if (value instanceof BigDecimal number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof Integer number) {
                cell.setCellValue(number);
            } else {
                cell.setCellValue(value.toString());
                if (header) {
                    cell.setCellStyle(styles.header());
                }
            }
        }
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static LocalDate date(LocalDateTime value) {
        return value == null ? null : value.toLocalDate();
    }

    private static String rag(String colour) {
        return colour == null ? null : colour.equals("GREY") ? "not judged" : lower(colour);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String capitalised(String value) {
        return Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }
}
