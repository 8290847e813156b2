package org.gantry.server.report;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A Gantt chart's rows as they were when it was taken: in a status report the top levels of the work
 * breakdown (summary tasks down to {@code levels}) and every critical task, frozen in the report's snapshot so
 * a published report draws the same chart for ever; through a share link to a Gantt view, every task of the
 * plan as it is now ({@code levels} 0: all). {@code baselineSlot} is the baseline whose bars are drawn under the
 * tasks' (null when that baseline is not set); {@code from} and {@code to} are the time axis, whole days around
 * every bar; {@code statusDate} the line drawn across the chart. {@code omitted} rows were cut at the chart's
 * maximum size.
 */
public record GanttExcerpt(
        int levels,
        Integer baselineSlot,
        LocalDateTime from,
        LocalDateTime to,
        LocalDateTime statusDate,
        List<Row> rows,
        int omitted) {

    /** A task in outline order: {@code level} 1 is the top of the work breakdown. */
    public record Row(
            long taskId,
            String wbs,
            String name,
            int level,
            boolean summary,
            boolean milestone,
            boolean critical,
            LocalDateTime start,
            LocalDateTime finish,
            LocalDateTime baselineStart,
            LocalDateTime baselineFinish,
            int percentComplete) {}

    /**
     * The chart's geometry for the templates (the page's SVG and the PDF's boxes draw the same numbers). Not a
     * property of the excerpt: it is computed from the frozen rows each time, never stored.
     */
    public GanttDrawing drawing() {
        return GanttDrawing.of(this);
    }
}
