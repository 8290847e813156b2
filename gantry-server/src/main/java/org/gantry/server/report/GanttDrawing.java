package org.gantry.server.report;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where each part of a {@link GanttExcerpt} is drawn, as ready-formatted numbers: SVG user units for the page
 * ({@code x}, {@code width}: the chart's time area runs from {@link #CHART_LEFT} to {@link #CHART_RIGHT} of a
 * {@link #WIDTH}-unit wide view box, a row is {@link #ROW} units high) and percentages of the time area for the
 * PDF, which draws the same bars as boxes ({@code left}, {@code percentWidth}). Numbers are formatted here
 * with a dot and two decimals because the templates must not print a double in scientific notation. Public
 * because the Thymeleaf templates read it.
 */
public record GanttDrawing(
        String viewBox,
        int height,
        List<Tick> ticks,
        List<Bar> rows,
        String statusX,
        String statusLeft,
        String statusLabel,
        String description) {

    static final int WIDTH = 1000;
    static final int CHART_LEFT = 300;
    static final int CHART_RIGHT = 990;
    static final int AXIS = 26;
    static final int ROW = 20;
    /** Names longer than this are cut with an ellipsis, so a label never runs into the bars. */
    static final int LABEL_CHARACTERS = 40;

    /** A time-axis mark: its date and where it is. */
    public record Tick(String label, String x, String left) {}

    /**
     * One row. {@code kind} is summary, task or milestone; {@code label} the WBS code and the (cut) name, with
     * the whole name in {@code title}; {@code labelX} indents by outline level. A milestone is a diamond at
     * {@code diamondPoints} (SVG) or {@code left} (PDF). The baseline bar, when the task is in the baseline,
     * lies under the task's bar.
     */
    public record Bar(
            String kind,
            boolean critical,
            String label,
            String title,
            int level,
            String labelX,
            String labelY,
            String barY,
            String barHeight,
            String x,
            String width,
            String left,
            String percentWidth,
            String progressWidth,
            String diamondPoints,
            boolean hasBaseline,
            String baselineY,
            String baselineX,
            String baselineWidth,
            String baselineLeft,
            String baselinePercentWidth,
            String rowY) {}

    static GanttDrawing of(GanttExcerpt excerpt) {
        LocalDateTime from = excerpt.from();
        LocalDateTime to = excerpt.to();
        double span = Math.max(1, Duration.between(from, to).toMinutes());
        List<Bar> bars = new ArrayList<>();
        int index = 0;
        for (GanttExcerpt.Row row : excerpt.rows()) {
            double top = AXIS + index * (double) ROW;
            double start = fraction(from, row.start() != null ? row.start() : row.finish(), span);
            double finish = fraction(from, row.finish() != null ? row.finish() : row.start(), span);
            String kind = row.milestone() ? "milestone" : row.summary() ? "summary" : "task";
            double barTop = kind.equals("summary") ? top + 6 : top + 4;
            double barHeight = kind.equals("summary") ? 6 : 10;
            double width = Math.max(finish - start, 0.002);
            double centreX = units(finish);
            double centreY = top + 9;
            String diamond = number(centreX) + "," + number(centreY - 6) + " " + number(centreX + 6) + ","
                    + number(centreY) + " " + number(centreX) + "," + number(centreY + 6) + " " + number(centreX - 6)
                    + "," + number(centreY);
            boolean hasBaseline = row.baselineStart() != null && row.baselineFinish() != null;
            double baselineStart = hasBaseline ? fraction(from, row.baselineStart(), span) : 0;
            double baselineWidth =
                    hasBaseline ? Math.max(fraction(from, row.baselineFinish(), span) - baselineStart, 0.002) : 0;
            String name = row.name() == null ? "" : row.name();
            String shortName = name.length() > LABEL_CHARACTERS ? name.substring(0, LABEL_CHARACTERS - 1) + "…" : name;
            bars.add(new Bar(
                    kind,
                    row.critical(),
                    row.wbs() + " " + shortName,
                    row.wbs() + " " + name,
                    row.level(),
                    number(4 + 10.0 * Math.min(6, Math.max(0, row.level() - 1))),
                    number(top + 13),
                    number(barTop),
                    number(barHeight),
                    number(units(start)),
                    number(width * (CHART_RIGHT - CHART_LEFT)),
                    number(kind.equals("milestone") ? finish * 100 : start * 100),
                    number(width * 100),
                    number(width * (CHART_RIGHT - CHART_LEFT) * Math.min(100, row.percentComplete()) / 100.0),
                    diamond,
                    hasBaseline,
                    number(top + 15),
                    number(units(baselineStart)),
                    number(baselineWidth * (CHART_RIGHT - CHART_LEFT)),
                    number(baselineStart * 100),
                    number(baselineWidth * 100),
                    number(top)));
            index++;
        }
        int height = AXIS + Math.max(1, bars.size()) * ROW + 4;
        String statusX = null;
        String statusLeft = null;
        String statusLabel = null;
        if (excerpt.statusDate() != null
                && !excerpt.statusDate().isBefore(from)
                && !excerpt.statusDate().isAfter(to)) {
            double at = fraction(from, excerpt.statusDate(), span);
            statusX = number(units(at));
            statusLeft = number(at * 100);
            statusLabel = excerpt.statusDate().toLocalDate().toString();
        }
        long critical =
                excerpt.rows().stream().filter(GanttExcerpt.Row::critical).count();
        String description = "Gantt chart of " + bars.size() + (bars.size() == 1 ? " task" : " tasks") + " from "
                + from.toLocalDate() + " to " + to.toLocalDate() + ", " + critical + " of them critical"
                + (excerpt.baselineSlot() == null
                        ? ""
                        : ", with the bars of "
                                + (excerpt.baselineSlot() == 0 ? "the baseline" : "baseline " + excerpt.baselineSlot()))
                + ".";
        return new GanttDrawing(
                "0 0 " + WIDTH + " " + height,
                height,
                ticks(from, to, span),
                List.copyOf(bars),
                statusX,
                statusLeft,
                statusLabel,
                description);
    }

    /**
     * Marks on the time axis: days for up to two weeks, Mondays up to about four months, the first of each
     * month up to two years, else of each quarter; thinned so at most twelve are drawn.
     */
    private static List<Tick> ticks(LocalDateTime from, LocalDateTime to, double span) {
        long days = Duration.between(from, to).toDays();
        LocalDate first = from.toLocalDate();
        DateTimeFormatter format = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);
        List<LocalDate> marks = new ArrayList<>();
        if (days <= 14) {
            for (LocalDate d = first; !d.atStartOfDay().isAfter(to); d = d.plusDays(1)) {
                marks.add(d);
            }
        } else if (days <= 120) {
            for (LocalDate d = first.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
                    !d.atStartOfDay().isAfter(to);
                    d = d.plusWeeks(1)) {
                marks.add(d);
            }
        } else {
            int months = days <= 730 ? 1 : 3;
            format = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
            LocalDate d = first.withDayOfMonth(1);
            if (d.isBefore(first)) {
                d = d.plusMonths(1);
            }
            if (months == 3) {
                while ((d.getMonthValue() - 1) % 3 != 0) {
                    d = d.plusMonths(1);
                }
            }
            for (; !d.atStartOfDay().isAfter(to); d = d.plusMonths(months)) {
                marks.add(d);
            }
        }
        int step = Math.max(1, (marks.size() + 11) / 12);
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < marks.size(); i += step) {
            double at = fraction(from, marks.get(i).atStartOfDay(), span);
            ticks.add(new Tick(marks.get(i).format(format), number(units(at)), number(at * 100)));
        }
        return List.copyOf(ticks);
    }

    private static double fraction(LocalDateTime from, LocalDateTime at, double span) {
        if (at == null) {
            return 0;
        }
        return Math.min(1, Math.max(0, Duration.between(from, at).toMinutes() / span));
    }

    private static double units(double fraction) {
        return CHART_LEFT + fraction * (CHART_RIGHT - CHART_LEFT);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
