package org.gantry.server.board;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.PlanDates;
import org.gantry.server.task.StatusCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The flow charts of a project's leaf tasks, replayed from the activity log ({@link TaskHistory}): the
 * cumulative flow (how many tasks were in each status at the end of each day) and the cycle time of the
 * tasks finished in a range of days. Reading needs any role; nothing is stored.
 */
@Service
public class FlowMeasures {

    static final int MAXIMUM_FLOW_DAYS = 366;

    private static final String LEAF = "not exists (select 1 from task c where c.parent_id = t.id)";

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final Clock clock;

    FlowMeasures(JdbcClient jdbc, ProjectService projects, Clock clock) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.clock = clock;
    }

    /**
     * Per day from {@code from} to {@code to} (default: the 30 days up to today), how many of the
     * project's leaf tasks were in each status at the end of the day. A task counts from its creation; a
     * task the log knows no creation of (an import) counts from the start.
     */
    @Transactional(readOnly = true)
    public CumulativeFlow cumulativeFlow(CurrentUser user, String projectRef, LocalDate from, LocalDate to) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        var problems = new InvalidInput.Collector();
        PlanDates.check("from", from, problems);
        PlanDates.check("to", to, problems);
        problems.throwIfAny();
        LocalDate today = LocalDate.ofInstant(clock.instant(), access.timeZone());
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.minusDays(29) : from;
        if (first.isAfter(last)) {
            throw new InvalidInput("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAXIMUM_FLOW_DAYS) {
            throw new InvalidInput("from", "the range may span at most " + MAXIMUM_FLOW_DAYS + " days");
        }
        List<CumulativeFlow.Status> statuses = jdbc.sql("""
                select status_key, name, category from task_status
                where project_id = ? order by position
                """)
                .param(access.projectId())
                .query((rs, row) -> new CumulativeFlow.Status(
                        rs.getString(1), rs.getString(2), StatusCategory.valueOf(rs.getString(3))))
                .list();
        List<Long> leaves = jdbc.sql("select t.id from task t where t.project_id = ? and " + LEAF)
                .param(access.projectId())
                .query(Long.class)
                .list();
        TaskHistory history = TaskHistory.of(jdbc, access.projectId());
        List<CumulativeFlow.Day> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Instant at = day.plusDays(1).atStartOfDay(access.timeZone()).toInstant();
            Map<String, Integer> counts = new LinkedHashMap<>();
            statuses.forEach(status -> counts.put(status.status(), 0));
            for (long task : leaves) {
                String status = history.statusAt(task, at);
                if (status != null) {
                    counts.merge(status, 1, Integer::sum);
                }
            }
            days.add(new CumulativeFlow.Day(day, counts));
        }
        return new CumulativeFlow(access.key(), first, last, statuses, days);
    }

    /** The cycle time of the leaf tasks finished in a range of days (see {@link CycleTime}); default the last 90 days. */
    @Transactional(readOnly = true)
    public CycleTime cycleTime(CurrentUser user, String projectRef, LocalDate from, LocalDate to) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        var problems = new InvalidInput.Collector();
        PlanDates.check("from", from, problems);
        PlanDates.check("to", to, problems);
        problems.throwIfAny();
        ZoneId zone = access.timeZone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.minusDays(89) : from;
        if (first.isAfter(last)) {
            throw new InvalidInput("from", "must not be after to");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAXIMUM_FLOW_DAYS) {
            throw new InvalidInput("from", "the range may span at most " + MAXIMUM_FLOW_DAYS + " days");
        }
        Map<String, String> categories = new java.util.HashMap<>();
        jdbc.sql("select status_key, category from task_status where project_id = ?")
                .param(access.projectId())
                .query(rs -> {
                    categories.put(rs.getString(1), rs.getString(2));
                });
        record Leaf(long id, String wbs, String name) {}
        List<Leaf> leaves = jdbc.sql("select t.id, array_to_string(t.outline_path, '.'), t.name from task t"
                        + " join task_status s on s.project_id = t.project_id and s.status_key = t.status"
                        + " where t.project_id = ? and s.category = 'DONE' and " + LEAF)
                .param(access.projectId())
                .query((rs, n) -> new Leaf(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
        TaskHistory history = TaskHistory.of(jdbc, access.projectId());
        Instant rangeStart = first.atStartOfDay(zone).toInstant();
        Instant rangeEnd = last.plusDays(1).atStartOfDay(zone).toInstant();
        List<CycleTime.Point> points = new ArrayList<>();
        int withoutProgress = 0;
        for (Leaf leaf : leaves) {
            Instant started = null;
            Instant finished = null;
            String previous = null;
            for (TaskHistory.StatusEntry entry : history.statusEntries(leaf.id())) {
                String category = categories.get(entry.status());
                if (started == null && "IN_PROGRESS".equals(category)) {
                    started = entry.at();
                }
                boolean wasDone = previous != null && "DONE".equals(categories.get(previous));
                if ("DONE".equals(category) && !wasDone) {
                    finished = entry.at();
                }
                previous = entry.status();
            }
            if (finished == null || finished.isBefore(rangeStart) || !finished.isBefore(rangeEnd)) {
                continue; // finished before the history begins, or outside the range
            }
            if (started == null || started.isAfter(finished)) {
                withoutProgress++;
                continue;
            }
            BigDecimal days = BigDecimal.valueOf(
                            Duration.between(started, finished).toMinutes())
                    .divide(BigDecimal.valueOf(24 * 60), 2, RoundingMode.HALF_UP);
            points.add(new CycleTime.Point(
                    leaf.id(),
                    leaf.wbs(),
                    leaf.name(),
                    started,
                    finished,
                    LocalDate.ofInstant(finished, zone),
                    SprintService.plain(days)));
        }
        points.sort(java.util.Comparator.comparing(CycleTime.Point::finishedAt).thenComparing(CycleTime.Point::taskId));
        List<BigDecimal> sorted =
                points.stream().map(CycleTime.Point::days).sorted().toList();
        BigDecimal average = sorted.isEmpty()
                ? null
                : SprintService.plain(sorted.stream()
                        .reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(sorted.size()), 2, RoundingMode.HALF_UP));
        return new CycleTime(
                access.key(),
                first,
                last,
                points.size(),
                withoutProgress,
                average,
                nearestRank(sorted, 50),
                nearestRank(sorted, 85),
                nearestRank(sorted, 95),
                points);
    }

    /** The nearest-rank percentile: the value at rank ceil(p/100 x n) of the sorted values; null for none. */
    private static BigDecimal nearestRank(List<BigDecimal> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (percentile * sorted.size() + 99) / 100;
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
