package org.gantry.server.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The exposure trend as the Risks page draws it: two step lines (exposure and residual exposure) as SVG
 * polylines in a {@value #WIDTH} x {@value #HEIGHT} view box, drawn on the server so the chart needs no script,
 * and the days on which the figures changed, which the page lists as the chart's table equivalent.
 */
public record ExposureChart(
        boolean empty,
        LocalDate from,
        LocalDate to,
        int maximum,
        String exposurePoints,
        String residualPoints,
        ExposureTrend.Day latest,
        List<ExposureTrend.Day> changes) {

    static final int WIDTH = 600;
    static final int HEIGHT = 160;
    private static final int LEFT = 36;
    private static final int RIGHT = 8;
    private static final int TOP = 8;
    private static final int BOTTOM = 20;

    static ExposureChart of(ExposureTrend trend) {
        List<ExposureTrend.Day> days = trend.days();
        if (days.isEmpty()) {
            return new ExposureChart(true, trend.from(), trend.to(), 0, "", "", null, List.of());
        }
        int maximum = 1;
        for (ExposureTrend.Day day : days) {
            maximum = Math.max(maximum, Math.max(day.exposure(), day.residualExposure()));
        }
        List<ExposureTrend.Day> changes = new ArrayList<>();
        ExposureTrend.Day previous = null;
        for (ExposureTrend.Day day : days) {
            if (previous == null || !sameFigures(previous, day)) {
                changes.add(day);
            }
            previous = day;
        }
        return new ExposureChart(
                false,
                days.get(0).day(),
                days.get(days.size() - 1).day(),
                maximum,
                steps(days, maximum, false),
                steps(days, maximum, true),
                days.get(days.size() - 1),
                newestFirst(changes));
    }

    /** The line of one figure: each day's value held across the day (a step), so a change shows where it happened. */
    private static String steps(List<ExposureTrend.Day> days, int maximum, boolean residual) {
        double plotWidth = WIDTH - LEFT - RIGHT;
        double dayWidth = plotWidth / days.size();
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < days.size(); i++) {
            int value = residual ? days.get(i).residualExposure() : days.get(i).exposure();
            double y = TOP + (HEIGHT - TOP - BOTTOM) * (1 - (double) value / maximum);
            point(points, LEFT + i * dayWidth, y);
            point(points, LEFT + (i + 1) * dayWidth, y);
        }
        return points.toString().strip();
    }

    private static void point(StringBuilder points, double x, double y) {
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }

    private static boolean sameFigures(ExposureTrend.Day a, ExposureTrend.Day b) {
        return a.openRisks() == b.openRisks()
                && a.exposure() == b.exposure()
                && a.residualExposure() == b.residualExposure()
                && a.threatExposure() == b.threatExposure()
                && a.opportunityExposure() == b.opportunityExposure();
    }

    private static List<ExposureTrend.Day> newestFirst(List<ExposureTrend.Day> days) {
        List<ExposureTrend.Day> reversed = new ArrayList<>(days);
        java.util.Collections.reverse(reversed);
        return List.copyOf(reversed);
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }
}
