package org.gantry.server.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gantry.engine.WorkingTime;
import org.gantry.server.cost.EarnedValueService;
import org.gantry.server.cost.EarnedValueView;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.risk.Risk;
import org.gantry.server.risk.RiskService;
import org.gantry.server.schedule.ProjectScheduler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a project's dashboard in one pass over its tasks as the last reschedule stored them (dates,
 * total slack, critical flags: the engine's results), joined with baseline 0, plus the assignees, the saved
 * baselines' finishes, the open risks and, for those who see costs, the earned value. Reading needs any
 * role; the cost tile is HIDDEN for members and stakeholders.
 */
@Service
public class DashboardService {

    /** Tasks whose total slack is at most this many working days count as near-critical for slack erosion. */
    static final int NEAR_CRITICAL_DAYS = 5;

    private static final int LISTED = 10;

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final ProjectScheduler scheduler;
    private final DashboardSettings settings;
    private final RiskService risks;
    private final EarnedValueService earnedValue;

    DashboardService(
            JdbcClient jdbc,
            ProjectService projects,
            ProjectScheduler scheduler,
            DashboardSettings settings,
            RiskService risks,
            EarnedValueService earnedValue) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.scheduler = scheduler;
        this.settings = settings;
        this.risks = risks;
        this.earnedValue = earnedValue;
    }

    private record Row(
            long id,
            Long parent,
            String wbs,
            String name,
            boolean milestone,
            long duration,
            int percent,
            LocalDateTime start,
            LocalDateTime finish,
            long slack,
            boolean critical,
            boolean inBaseline,
            LocalDateTime baselineStart,
            LocalDateTime baselineFinish,
            Long baselineDuration,
            Long baselineSlack) {}

    @Transactional(readOnly = true)
    public Dashboard dashboard(CurrentUser user, String projectRef) {
        return dashboard(user, projectRef, null);
    }

    /**
     * Every milestone of the project (active tasks marked as milestones), in finish order, with its baseline 0
     * finish and slip in working days: the portfolio's timeline draws them all, where the tile lists only the
     * next and the slipped ones. {@code done} milestones are at 100 %.
     */
    @Transactional(readOnly = true)
    public List<TimelineMilestone> milestones(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        double minutesPerDay = Math.max(1, access.minutesPerDay());
        WorkingTime time = scheduler.workingTime(access.projectId());
        return jdbc.sql("""
                select t.id, array_to_string(t.outline_path, '.'), t.name, t.finish_at, b.finish_at,
                t.percent_complete from task t left join task_baseline b on b.task_id = t.id
                and b.slot = 0 where t.project_id = ? and t.active and t.milestone
                order by t.finish_at nulls last, t.outline_path
                """)
                .param(access.projectId())
                .query((rs, n) -> {
                    LocalDateTime finish = rs.getObject(4, LocalDateTime.class);
                    LocalDateTime baseline = rs.getObject(5, LocalDateTime.class);
                    BigDecimal slip = finish != null && baseline != null
                            ? days(time.workBetween(baseline, finish), minutesPerDay)
                            : null;
                    return new TimelineMilestone(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            finish,
                            baseline,
                            slip,
                            rs.getInt(6) >= 100);
                })
                .list();
    }

    /** A milestone on the portfolio's timeline: {@link Dashboard.Milestone} and whether it is done. */
    public record TimelineMilestone(
            long taskId,
            String wbs,
            String name,
            LocalDateTime finish,
            LocalDateTime baselineFinish,
            BigDecimal slipDays,
            boolean done) {}

    /**
     * The dashboard measured at {@code reportDate} instead of the project's status date (null: as the page
     * shows it). Status reports freeze it at their own date, so a report for last Friday says what was late
     * on last Friday.
     */
    @Transactional(readOnly = true)
    public Dashboard dashboard(CurrentUser user, String projectRef, LocalDateTime reportDate) {
        long began = System.nanoTime();
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        long projectId = access.projectId();
        double minutesPerDay = Math.max(1, access.minutesPerDay());
        LocalDateTime statusDate = reportDate != null
                ? reportDate
                : jdbc.sql("select status_date from project where id = ?")
                        .param(projectId)
                        .query((rs, n) -> rs.getObject(1, LocalDateTime.class))
                        .optional()
                        .orElse(null);
        LocalDateTime asOf = statusDate != null
                ? statusDate
                : LocalDateTime.now(access.timeZone()).withSecond(0).withNano(0);
        String asOfSource = reportDate != null ? "report date" : statusDate != null ? "status date" : "today";

        List<Row> rows = jdbc.sql("""
                select t.id, t.parent_id, array_to_string(t.outline_path, '.'), t.name,
                t.milestone, t.duration_minutes, t.percent_complete, t.start_at, t.finish_at,
                t.total_slack_minutes, t.critical, b.task_id is not null, b.start_at, b.finish_at,
                b.duration_minutes, b.total_slack_minutes from task t left join task_baseline b
                on b.task_id = t.id and b.slot = 0 where t.project_id = ? and t.active
                order by t.outline_path
                """)
                .param(projectId)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getObject(2) == null ? null : rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getLong(6),
                        rs.getInt(7),
                        rs.getObject(8, LocalDateTime.class),
                        rs.getObject(9, LocalDateTime.class),
                        rs.getLong(10),
                        rs.getBoolean(11),
                        rs.getBoolean(12),
                        rs.getObject(13, LocalDateTime.class),
                        rs.getObject(14, LocalDateTime.class),
                        rs.getObject(15) == null ? null : rs.getLong(15),
                        rs.getObject(16) == null ? null : rs.getLong(16)))
                .list();
        Set<Long> parents = new HashSet<>();
        for (Row row : rows) {
            if (row.parent() != null) {
                parents.add(row.parent());
            }
        }
        WorkingTime time = scheduler.workingTime(projectId);
        boolean baselineSet = rows.stream().anyMatch(Row::inBaseline);

        // One pass over the tasks for every schedule tile.
        double plannedDone = 0;
        double plannedTotal = 0;
        double actualDone = 0;
        double actualTotal = 0;
        long leafTasks = 0;
        LocalDateTime start = null;
        LocalDateTime finish = null;
        LocalDateTime baselineFinish = null;
        int criticalTasks = 0;
        int added = 0;
        List<Dashboard.SlackErosion> erosion = new ArrayList<>();
        boolean baselineSlackKnown = false;
        List<Row> milestones = new ArrayList<>();
        List<Dashboard.TaskLine> late = new ArrayList<>();
        List<Dashboard.TaskLine> due = new ArrayList<>();
        LocalDate weekStart = asOf.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDateTime weekEnd = weekStart.plusDays(7).atStartOfDay();
        LocalDateTime nextWeekEnd = weekEnd.plusDays(7);
        Map<Long, Row> leafById = new HashMap<>();
        for (Row row : rows) {
            if (row.start() != null && (start == null || row.start().isBefore(start))) {
                start = row.start();
            }
            if (row.finish() != null && (finish == null || row.finish().isAfter(finish))) {
                finish = row.finish();
            }
            if (row.baselineFinish() != null
                    && (baselineFinish == null || row.baselineFinish().isAfter(baselineFinish))) {
                baselineFinish = row.baselineFinish();
            }
            if (baselineSet && !row.inBaseline()) {
                added++;
            }
            if (parents.contains(row.id())) {
                continue;
            }
            leafTasks++;
            leafById.put(row.id(), row);
            if (row.critical()) {
                criticalTasks++;
            }
            actualTotal += row.duration();
            actualDone += row.duration() * (row.percent() / 100.0);
            if (baselineSet) {
                if (row.inBaseline() && row.baselineDuration() != null) {
                    plannedTotal += row.baselineDuration();
                    plannedDone += row.baselineDuration()
                            * scheduledShare(time, row.baselineStart(), row.baselineFinish(), asOf);
                }
            } else {
                plannedTotal += row.duration();
                plannedDone += row.duration() * scheduledShare(time, row.start(), row.finish(), asOf);
            }
            if ((row.critical() || row.slack() <= NEAR_CRITICAL_DAYS * minutesPerDay) && row.percent() < 100) {
                if (row.baselineSlack() != null) {
                    baselineSlackKnown = true;
                    if (row.baselineSlack() > row.slack()) {
                        erosion.add(new Dashboard.SlackErosion(
                                row.id(),
                                row.wbs(),
                                row.name(),
                                days(row.slack(), minutesPerDay),
                                days(row.baselineSlack(), minutesPerDay),
                                days(row.baselineSlack() - row.slack(), minutesPerDay)));
                    }
                }
            }
            if (row.milestone()) {
                milestones.add(row);
            }
            if (row.percent() < 100 && row.finish() != null) {
                Dashboard.TaskLine line =
                        new Dashboard.TaskLine(row.id(), row.wbs(), row.name(), row.finish(), row.percent());
                if (row.finish().isBefore(asOf)) {
                    late.add(line);
                } else if (row.finish().isBefore(weekEnd)) {
                    due.add(line);
                }
            }
        }

        DashboardThresholds thresholds = settings.thresholds(access);
        Dashboard.Progress progress = new Dashboard.Progress(
                plannedTotal == 0 ? null : percent(plannedDone / plannedTotal),
                actualTotal == 0 ? null : percent(actualDone / actualTotal),
                baselineSet ? "baseline" : "current schedule",
                leafTasks);

        BigDecimal slip = finish != null && baselineFinish != null
                ? days(time.workBetween(baselineFinish, finish), minutesPerDay)
                : null;
        List<Dashboard.TrendPoint> trend = trend(projectId, finish);
        Dashboard.Finish finishTile = new Dashboard.Finish(
                finish,
                baselineFinish,
                slip,
                trend.size() >= 3 ? trend : List.of(),
                trend.size() >= 3
                        ? null
                        : "No trend: it needs at least two saved baselines (slots 0 to 10), and Gantry keeps no"
                                + " history of status dates.");

        erosion.sort(Comparator.comparing(Dashboard.SlackErosion::erosionDays).reversed());
        BigDecimal totalErosion =
                erosion.stream().map(Dashboard.SlackErosion::erosionDays).reduce(BigDecimal.ZERO, BigDecimal::add);
        Dashboard.CriticalPath criticalPath = new Dashboard.CriticalPath(
                start,
                finish,
                start == null || finish == null ? null : days(time.workBetween(start, finish), minutesPerDay),
                criticalTasks,
                NEAR_CRITICAL_DAYS,
                baselineSlackKnown ? totalErosion : null,
                !baselineSet
                        ? "No baseline: set one to measure slack erosion."
                        : baselineSlackKnown
                                ? null
                                : "The baseline was saved without slack (before this version, or imported): set it"
                                        + " again to measure slack erosion from now on.",
                erosion.size() > LISTED ? erosion.subList(0, LISTED) : erosion);

        List<Dashboard.Milestone> next = new ArrayList<>();
        List<Dashboard.Milestone> slipped = new ArrayList<>();
        milestones.sort(Comparator.comparing(Row::finish, Comparator.nullsLast(Comparator.naturalOrder())));
        for (Row row : milestones) {
            BigDecimal milestoneSlip = row.finish() != null && row.baselineFinish() != null
                    ? days(time.workBetween(row.baselineFinish(), row.finish()), minutesPerDay)
                    : null;
            Dashboard.Milestone milestone = new Dashboard.Milestone(
                    row.id(), row.wbs(), row.name(), row.finish(), row.baselineFinish(), milestoneSlip);
            if (row.percent() < 100 && row.finish() != null && !row.finish().isBefore(asOf) && next.size() < 5) {
                next.add(milestone);
            }
            if (milestoneSlip != null && milestoneSlip.signum() > 0) {
                slipped.add(milestone);
            }
        }
        late.sort(Comparator.comparing(Dashboard.TaskLine::finish));
        due.sort(Comparator.comparing(Dashboard.TaskLine::finish));
        Dashboard.TaskCounts tasks = new Dashboard.TaskCounts(
                late.size(),
                due.size(),
                weekStart,
                weekStart.plusDays(6),
                late.size() > LISTED ? late.subList(0, LISTED) : late,
                due.size() > LISTED ? due.subList(0, LISTED) : due);

        Dashboard.Workload workload = workload(projectId, leafById, time, weekStart, weekEnd, nextWeekEnd);
        Dashboard.Cost cost = cost(user, access, asOf.toLocalDate(), baselineSet);
        Dashboard.Risks riskTile = risks(user, access, thresholds);

        List<Dashboard.Health> health = List.of(
                scheduleHealth(baselineSet, slip, thresholds),
                costHealth(cost, thresholds),
                scopeHealth(baselineSet, added, thresholds),
                riskHealth(riskTile, thresholds));
        return new Dashboard(
                access.key(),
                asOf,
                asOfSource,
                baselineSet,
                health,
                progress,
                finishTile,
                criticalPath,
                new Dashboard.Milestones(next, slipped),
                tasks,
                workload,
                cost,
                riskTile,
                thresholds,
                Math.round((System.nanoTime() - began) / 10_000.0) / 100.0);
    }

    /** The share (0 to 1) of a task's working time from start to finish that lies before {@code asOf}. */
    private static double scheduledShare(
            WorkingTime time, LocalDateTime start, LocalDateTime finish, LocalDateTime asOf) {
        if (start == null || finish == null) {
            return 0;
        }
        if (!asOf.isAfter(start)) {
            return 0;
        }
        if (!asOf.isBefore(finish)) {
            return 1;
        }
        long span = time.workBetween(start, finish);
        return span <= 0 ? 1 : Math.min(1, Math.max(0, time.workBetween(start, asOf) / (double) span));
    }

    /** Each saved baseline's project finish, oldest first, then the current one. */
    private List<Dashboard.TrendPoint> trend(long projectId, LocalDateTime finish) {
        List<Dashboard.TrendPoint> points = new ArrayList<>(jdbc.sql("""
                        select slot, max(captured_at), max(finish_at) from task_baseline where project_id = ?
                        group by slot having max(finish_at) is not null order by max(captured_at), slot
                        """)
                .param(projectId)
                .query((rs, n) -> new Dashboard.TrendPoint(
                        rs.getInt(1) == 0 ? "Baseline" : "Baseline " + rs.getInt(1),
                        rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject(3, LocalDateTime.class)))
                .list());
        if (finish != null) {
            points.add(new Dashboard.TrendPoint("Now", Instant.now(), finish));
        }
        return points;
    }

    private Dashboard.Workload workload(
            long projectId,
            Map<Long, Row> leaves,
            WorkingTime time,
            LocalDate weekStart,
            LocalDateTime weekEnd,
            LocalDateTime nextWeekEnd) {
        LocalDateTime thisWeek = weekStart.atStartOfDay();
        long capacityThis = time.workBetween(thisWeek, weekEnd);
        long capacityNext = time.workBetween(weekEnd, nextWeekEnd);
        record Load(String name, long[] minutes) {}
        Map<Long, Load> loads = new HashMap<>();
        jdbc.sql("""
                select a.task_id, a.user_id, u.name from task_assignee a join task t on t.id = a.task_id
                join app_user u on u.id = a.user_id where t.project_id = ?
                """).param(projectId).query(rs -> {
            Row row = leaves.get(rs.getLong(1));
            String name = rs.getString(3);
            Load load = loads.computeIfAbsent(rs.getLong(2), id -> new Load(name, new long[2]));
            if (row == null || row.percent() >= 100 || row.start() == null || row.finish() == null) {
                return;
            }
            load.minutes()[0] += overlap(time, row.start(), row.finish(), thisWeek, weekEnd);
            load.minutes()[1] += overlap(time, row.start(), row.finish(), weekEnd, nextWeekEnd);
        });
        List<Dashboard.PersonLoad> people = new ArrayList<>();
        loads.forEach((id, load) -> people.add(new Dashboard.PersonLoad(
                id,
                load.name(),
                hours(load.minutes()[0]),
                hours(load.minutes()[1]),
                load.minutes()[0] > capacityThis,
                load.minutes()[1] > capacityNext)));
        people.sort(Comparator.comparing(Dashboard.PersonLoad::name).thenComparing(Dashboard.PersonLoad::userId));
        return new Dashboard.Workload(
                weekStart, weekStart.plusDays(7), hours(capacityThis), hours(capacityNext), people);
    }

    private static long overlap(
            WorkingTime time, LocalDateTime start, LocalDateTime finish, LocalDateTime from, LocalDateTime to) {
        LocalDateTime a = start.isAfter(from) ? start : from;
        LocalDateTime b = finish.isBefore(to) ? finish : to;
        return b.isAfter(a) ? time.workBetween(a, b) : 0;
    }

    private Dashboard.Cost cost(CurrentUser user, ProjectAccess access, LocalDate asOf, boolean baselineSet) {
        if (!access.can(Permission.SEE_COSTS)) {
            return notReady("HIDDEN", "Costs are shown to the project's owners and managers.", null);
        }
        // Checked here rather than by catching the earned value's refusal: its transaction would be marked
        // rollback-only and fail this one.
        if (!baselineSet) {
            return notReady("NOT_SET_UP", "Not set up: no baseline. Set baseline 0 to measure earned value.", null);
        }
        EarnedValueView view = earnedValue.report(user, access.key(), asOf.toString(), 0, "week");
        EarnedValueView.Figures total = view.total();
        if (total.budgetAtCompletion() == null || total.budgetAtCompletion().signum() == 0) {
            return notReady(
                    "NOT_SET_UP",
                    "Not set up: the baseline has no cost. Give the resources rates, assign them, then set the"
                            + " baseline again.",
                    view.currency());
        }
        return new Dashboard.Cost(
                "READY",
                null,
                view.currency(),
                total.budgetAtCompletion(),
                total.plannedValue(),
                total.earnedValue(),
                total.actualCost(),
                total.costVariance(),
                total.scheduleVariance(),
                total.costPerformanceIndex(),
                total.schedulePerformanceIndex(),
                total.estimateAtCompletion());
    }

    private static Dashboard.Cost notReady(String state, String reason, String currency) {
        return new Dashboard.Cost(state, reason, currency, null, null, null, null, null, null, null, null, null);
    }

    private Dashboard.Risks risks(CurrentUser user, ProjectAccess access, DashboardThresholds thresholds) {
        List<Risk> open = risks.list(user, access.key(), null, "THREAT", null, null, null, null).stream()
                .filter(risk -> risk.status().equals("OPEN") || risk.status().equals("MONITORING"))
                .sorted(Comparator.comparingInt(Risk::score).reversed().thenComparing(Risk::id))
                .toList();
        int high = (int) open.stream()
                .filter(risk -> risk.score() >= thresholds.riskScore())
                .count();
        return new Dashboard.Risks(
                open.size(),
                high,
                thresholds.riskScore(),
                open.stream()
                        .limit(3)
                        .map(risk -> new Dashboard.TopRisk(
                                risk.id(), risk.title(), risk.score(), risk.level(), risk.ownerName()))
                        .toList());
    }

    private static Dashboard.Health scheduleHealth(boolean baselineSet, BigDecimal slip, DashboardThresholds limits) {
        if (!baselineSet || slip == null) {
            return new Dashboard.Health("schedule", "GREY", "No baseline: set one to compare the finish with it.");
        }
        String words = slip.signum() > 0
                ? "The finish is " + slip.toPlainString() + " working days behind the baseline"
                : slip.signum() < 0
                        ? "The finish is " + slip.negate().toPlainString() + " working days ahead of the baseline"
                        : "The finish is on the baseline";
        if (slip.compareTo(BigDecimal.valueOf(limits.scheduleRedDays())) > 0) {
            return new Dashboard.Health(
                    "schedule", "RED", words + " (red over " + limits.scheduleRedDays() + " days).");
        }
        if (slip.compareTo(BigDecimal.valueOf(limits.scheduleAmberDays())) > 0) {
            return new Dashboard.Health(
                    "schedule", "AMBER", words + " (amber over " + limits.scheduleAmberDays() + " days).");
        }
        return new Dashboard.Health("schedule", "GREEN", words + ".");
    }

    private static Dashboard.Health costHealth(Dashboard.Cost cost, DashboardThresholds limits) {
        if (!cost.state().equals("READY")) {
            return new Dashboard.Health("cost", "GREY", cost.reason());
        }
        BigDecimal cpi = cost.costPerformanceIndex();
        if (cpi == null) {
            return new Dashboard.Health("cost", "GREY", "No cost performance index yet: nothing is earned so far.");
        }
        String words = "Cost performance index "
                + cpi.setScale(2, RoundingMode.HALF_UP).toPlainString() + " (cost variance "
                + cost.costVariance().toPlainString() + " " + cost.currency() + ")";
        if (cpi.compareTo(limits.costRedCpi()) < 0) {
            return new Dashboard.Health(
                    "cost",
                    "RED",
                    words + ", under "
                            + limits.costRedCpi().stripTrailingZeros().toPlainString() + ".");
        }
        if (cpi.compareTo(limits.costAmberCpi()) < 0) {
            return new Dashboard.Health(
                    "cost",
                    "AMBER",
                    words + ", under "
                            + limits.costAmberCpi().stripTrailingZeros().toPlainString() + ".");
        }
        return new Dashboard.Health("cost", "GREEN", words + ".");
    }

    private static Dashboard.Health scopeHealth(boolean baselineSet, int added, DashboardThresholds limits) {
        if (!baselineSet) {
            return new Dashboard.Health("scope", "GREY", "No baseline: set one to see tasks added since.");
        }
        String words = added == 1 ? "1 task added since the baseline" : added + " tasks added since the baseline";
        if (added > limits.scopeRedTasks()) {
            return new Dashboard.Health("scope", "RED", words + " (red over " + limits.scopeRedTasks() + ").");
        }
        if (added > limits.scopeAmberTasks()) {
            return new Dashboard.Health("scope", "AMBER", words + " (amber over " + limits.scopeAmberTasks() + ").");
        }
        return new Dashboard.Health("scope", "GREEN", words + ".");
    }

    private static Dashboard.Health riskHealth(Dashboard.Risks risk, DashboardThresholds limits) {
        int high = risk.atOrAboveScore();
        String words = (high == 1 ? "1 open threat" : high + " open threats") + " with a score of " + limits.riskScore()
                + " or more";
        if (high > limits.riskRedCount()) {
            return new Dashboard.Health("risk", "RED", words + " (red over " + limits.riskRedCount() + ").");
        }
        if (high > limits.riskAmberCount()) {
            return new Dashboard.Health("risk", "AMBER", words + " (amber over " + limits.riskAmberCount() + ").");
        }
        return new Dashboard.Health("risk", "GREEN", words + ".");
    }

    private static BigDecimal days(long minutes, double minutesPerDay) {
        return BigDecimal.valueOf(minutes / minutesPerDay).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes / 60.0).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(double share) {
        return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP);
    }
}
