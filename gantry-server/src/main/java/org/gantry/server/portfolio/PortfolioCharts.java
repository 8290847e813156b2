package org.gantry.server.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gantry.server.dashboard.DashboardService.TimelineMilestone;

/**
 * The portfolio page's two charts, laid out on the server as SVG coordinates (the page draws them without
 * script, and a table beside each says the same): the timeline of every project from its first start to its
 * finish with its milestones, and the bubbles of value (alignment) against risk or cost, sized by budget.
 */
final class PortfolioCharts {

    static final int TIMELINE_WIDTH = 1000;
    static final int TIMELINE_LABELS = 230;
    static final int TIMELINE_ROW = 30;
    static final int TIMELINE_TOP = 30;
    static final int BUBBLE_WIDTH = 640;
    static final int BUBBLE_HEIGHT = 400;
    static final int BUBBLE_LEFT = 64;
    static final int BUBBLE_RIGHT = 620;
    static final int BUBBLE_TOP = 20;
    static final int BUBBLE_BOTTOM = 350;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private PortfolioCharts() {}

    /** A month (or quarter) line of the timeline's scale. */
    public record Tick(double x, String label) {}

    public record Diamond(double x, double y, String name, String date, boolean done, String points) {}

    /** One project's row: its bar (absent without dates) and its milestones. */
    public record Row(
            String key,
            String name,
            String overall,
            double y,
            Double barX,
            Double barWidth,
            List<Diamond> milestones) {}

    public record Timeline(int width, int height, LocalDate from, LocalDate to, List<Tick> ticks, List<Row> rows) {
        public boolean empty() {
            return from == null;
        }
    }

    static Timeline timeline(List<Portfolio.Line> lines) {
        LocalDateTime from = null;
        LocalDateTime to = null;
        for (Portfolio.Line line : lines) {
            for (LocalDateTime date : dates(line)) {
                from = from == null || date.isBefore(from) ? date : from;
                to = to == null || date.isAfter(to) ? date : to;
            }
        }
        int height = TIMELINE_TOP + TIMELINE_ROW * Math.max(1, lines.size()) + 10;
        if (from == null) {
            return new Timeline(TIMELINE_WIDTH, height, null, null, List.of(), List.of());
        }
        LocalDate first = from.toLocalDate().withDayOfMonth(1);
        LocalDate last = to.toLocalDate().plusMonths(1).withDayOfMonth(1);
        double days = Math.max(1, ChronoUnit.DAYS.between(first, last));
        double span = TIMELINE_WIDTH - TIMELINE_LABELS - 10;
        long months = ChronoUnit.MONTHS.between(first, last);
        int step = months <= 12 ? 1 : months <= 36 ? 3 : 12;
        List<Tick> ticks = new ArrayList<>();
        for (LocalDate month = first; month.isBefore(last); month = month.plusMonths(step)) {
            ticks.add(new Tick(x(first, month.atStartOfDay(), days, span), month.format(MONTH)));
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Portfolio.Line line = lines.get(i);
            double y = TIMELINE_TOP + i * TIMELINE_ROW;
            Double barX = null;
            Double barWidth = null;
            LocalDateTime start = line.start();
            LocalDateTime finish = line.finish();
            if (start != null && finish != null) {
                barX = x(first, start, days, span);
                barWidth = Math.max(2, x(first, finish, days, span) - barX);
            }
            List<Diamond> diamonds = new ArrayList<>();
            for (TimelineMilestone milestone : line.milestones()) {
                if (milestone.finish() == null) {
                    continue;
                }
                double mx = x(first, milestone.finish(), days, span);
                double my = y + TIMELINE_ROW / 2.0;
                diamonds.add(new Diamond(
                        mx,
                        my,
                        milestone.name(),
                        milestone.finish().toLocalDate().toString(),
                        milestone.done(),
                        round(mx) + "," + round(my - 7) + " " + round(mx + 7) + "," + round(my) + " " + round(mx) + ","
                                + round(my + 7) + " " + round(mx - 7) + "," + round(my)));
            }
            rows.add(new Row(line.key(), line.name(), line.overall(), y, barX, barWidth, diamonds));
        }
        return new Timeline(TIMELINE_WIDTH, height, first, last, ticks, rows);
    }

    private static List<LocalDateTime> dates(Portfolio.Line line) {
        List<LocalDateTime> dates = new ArrayList<>();
        if (line.start() != null) {
            dates.add(line.start());
        }
        if (line.finish() != null) {
            dates.add(line.finish());
        }
        line.milestones().stream()
                .map(TimelineMilestone::finish)
                .filter(java.util.Objects::nonNull)
                .forEach(dates::add);
        return dates;
    }

    private static double x(LocalDate first, LocalDateTime at, double days, double span) {
        double offset = ChronoUnit.MINUTES.between(first.atStartOfDay(), at) / 1440.0;
        return round(TIMELINE_LABELS + span * offset / days);
    }

    /** One bubble: a project placed by its value and its risk or cost, with its radius from its budget. */
    public record Bubble(
            String key, String name, String overall, double cx, double cy, double r, boolean sized, String label) {}

    /** An axis tick: where it is and what it says. */
    public record AxisTick(double at, String label) {}

    public record Bubbles(
            String axis, String axisLabel, List<Bubble> bubbles, List<AxisTick> xTicks, List<AxisTick> yTicks) {}

    /**
     * Value (alignment, 0-100 %) upwards against risk (open high threats) or cost (estimate at completion where
     * the viewer sees costs, else the budget) to the right; the area of a bubble grows with the budget (budget
     * at completion, else the estimated cost), a project without one drawn small and outlined. Projects
     * without an alignment, or without a cost on the cost axis, stay out of the chart (the table lists them).
     */
    static Bubbles bubbles(List<Portfolio.Line> lines, String axis) {
        boolean cost = axis.equals("COST");
        double maxX = 0;
        double maxBudget = 0;
        for (Portfolio.Line line : lines) {
            BigDecimal x = xValue(line, cost);
            if (x != null) {
                maxX = Math.max(maxX, x.doubleValue());
            }
            if (line.budget() != null) {
                maxBudget = Math.max(maxBudget, line.budget().doubleValue());
            }
        }
        // Threats are counted in whole numbers: four ticks of whole threats; costs get a round top.
        double top = cost ? niceCeiling(maxX) : 4 * Math.ceil(Math.max(1, maxX) / 4);
        List<Bubble> bubbles = new ArrayList<>();
        for (Portfolio.Line line : lines) {
            BigDecimal x = xValue(line, cost);
            if (line.alignment() == null || x == null) {
                continue;
            }
            double cx = BUBBLE_LEFT + (BUBBLE_RIGHT - BUBBLE_LEFT) * x.doubleValue() / top;
            double cy = BUBBLE_BOTTOM
                    - (BUBBLE_BOTTOM - BUBBLE_TOP) * line.alignment().doubleValue() / 100;
            boolean sized = line.budget() != null && maxBudget > 0;
            double r = sized ? 6 + 24 * Math.sqrt(line.budget().doubleValue() / maxBudget) : 6;
            bubbles.add(new Bubble(
                    line.key(),
                    line.name(),
                    line.overall(),
                    round(cx),
                    round(cy),
                    round(r),
                    sized,
                    line.key() + ": alignment " + line.alignment().toPlainString() + " %, "
                            + (cost ? "cost " + x.toPlainString() : x.toPlainString() + " high threats")
                            + (line.budget() != null
                                    ? ", budget " + line.budget().toPlainString()
                                    : "")));
        }
        List<AxisTick> xTicks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double value = top * i / 4;
            xTicks.add(new AxisTick(
                    round(BUBBLE_LEFT + (BUBBLE_RIGHT - BUBBLE_LEFT) * i / 4.0),
                    value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(round(value))));
        }
        List<AxisTick> yTicks = new ArrayList<>();
        for (int percent = 0; percent <= 100; percent += 25) {
            yTicks.add(new AxisTick(
                    round(BUBBLE_BOTTOM - (BUBBLE_BOTTOM - BUBBLE_TOP) * percent / 100.0), percent + " %"));
        }
        return new Bubbles(
                axis,
                cost ? "Cost (estimate at completion, else budget)" : "Risk (open high threats)",
                bubbles,
                xTicks,
                yTicks);
    }

    static BigDecimal xValue(Portfolio.Line line, boolean cost) {
        if (!cost) {
            return BigDecimal.valueOf(line.highThreats());
        }
        return line.estimateAtCompletion() != null ? line.estimateAtCompletion() : line.budget();
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above the value (at least 1). */
    static double niceCeiling(double value) {
        if (value <= 1) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * power >= value) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
