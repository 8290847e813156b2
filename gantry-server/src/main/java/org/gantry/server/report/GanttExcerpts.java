package org.gantry.server.report;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Takes Gantt excerpts from the stored schedule (the engine's dates and critical flags as the last reschedule
 * wrote them, with the chosen baseline's dates): for a status report the top levels and every critical task,
 * for a share link's Gantt view the whole plan.
 */
@Component
class GanttExcerpts {

    /** A status report's excerpt shows the work breakdown down to this level (and critical tasks below it). */
    static final int REPORT_LEVELS = 2;
    /** The most rows a status report's excerpt draws: it has to stay readable on a printed page or two. */
    static final int REPORT_ROWS = 60;
    /** The most rows a shared Gantt view draws (a server-drawn chart; the rest is counted as omitted). */
    static final int SHARED_ROWS = 1000;

    private final JdbcClient jdbc;

    GanttExcerpts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The top {@code levels} of the plan and every critical task, at most {@code maximumRows}. */
    GanttExcerpt topLevelsAndCritical(long projectId, int baselineSlot, LocalDateTime statusDate) {
        return excerpt(projectId, baselineSlot, statusDate, REPORT_LEVELS, REPORT_ROWS);
    }

    /** Every task of the plan (up to {@link #SHARED_ROWS}). */
    GanttExcerpt wholePlan(long projectId, int baselineSlot, LocalDateTime statusDate) {
        return excerpt(projectId, baselineSlot, statusDate, 0, SHARED_ROWS);
    }

    private GanttExcerpt excerpt(
            long projectId, int baselineSlot, LocalDateTime statusDate, int levels, int maximumRows) {
        List<GanttExcerpt.Row> all = jdbc.sql("""
                select t.id, array_to_string(t.outline_path, '.'), t.name,
                cardinality(t.outline_path), exists (select 1 from task c where c.parent_id = t.id),
                t.milestone, t.critical, t.start_at, t.finish_at, b.start_at, b.finish_at,
                t.percent_complete from task t left join task_baseline b on b.task_id = t.id and b.slot = ?
                where t.project_id = ? and t.active order by t.outline_path
                """)
                .params(baselineSlot, projectId)
                .query((rs, n) -> new GanttExcerpt.Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getBoolean(5),
                        rs.getBoolean(6),
                        rs.getBoolean(7),
                        rs.getObject(8, LocalDateTime.class),
                        rs.getObject(9, LocalDateTime.class),
                        rs.getObject(10, LocalDateTime.class),
                        rs.getObject(11, LocalDateTime.class),
                        rs.getInt(12)))
                .list();
        boolean baselineSet = all.stream().anyMatch(r -> r.baselineFinish() != null);
        List<GanttExcerpt.Row> chosen = new ArrayList<>();
        int omitted = 0;
        for (GanttExcerpt.Row row : all) {
            if (levels > 0 && row.level() > levels && !row.critical()) {
                continue;
            }
            if (row.start() == null && row.finish() == null) {
                continue;
            }
            if (chosen.size() >= maximumRows) {
                omitted++;
                continue;
            }
            chosen.add(
                    baselineSet
                            ? row
                            : new GanttExcerpt.Row(
                                    row.taskId(),
                                    row.wbs(),
                                    row.name(),
                                    row.level(),
                                    row.summary(),
                                    row.milestone(),
                                    row.critical(),
                                    row.start(),
                                    row.finish(),
                                    null,
                                    null,
                                    row.percentComplete()));
        }
        LocalDateTime first = chosen.stream()
                .flatMap(r -> Stream.of(r.start(), r.finish(), r.baselineStart(), r.baselineFinish()))
                .filter(Objects::nonNull)
                .min(LocalDateTime::compareTo)
                .orElse(statusDate);
        LocalDateTime last = chosen.stream()
                .flatMap(r -> Stream.of(r.start(), r.finish(), r.baselineStart(), r.baselineFinish()))
                .filter(Objects::nonNull)
                .max(LocalDateTime::compareTo)
                .orElse(statusDate);
        // Whole days around every bar, so a bar never touches the chart's edge.
        LocalDateTime from = first.toLocalDate().atStartOfDay();
        LocalDateTime to = last.toLocalDate().plusDays(1).atStartOfDay();
        return new GanttExcerpt(
                levels, baselineSet ? baselineSlot : null, from, to, statusDate, List.copyOf(chosen), omitted);
    }
}
