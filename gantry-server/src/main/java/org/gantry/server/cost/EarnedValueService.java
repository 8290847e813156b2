package org.gantry.server.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.gantry.engine.cost.CostAccrual;
import org.gantry.engine.cost.CostModel;
import org.gantry.engine.earnedvalue.DatedCost;
import org.gantry.engine.earnedvalue.EarnedSchedule;
import org.gantry.engine.earnedvalue.EarnedValue;
import org.gantry.engine.earnedvalue.EarnedValueAnalysis;
import org.gantry.engine.earnedvalue.EarnedValueReport;
import org.gantry.engine.earnedvalue.EstimateMethod;
import org.gantry.engine.earnedvalue.ReportingPeriod;
import org.gantry.engine.earnedvalue.TaskBudget;
import org.gantry.engine.earnedvalue.TimeEntry;
import org.gantry.engine.earnedvalue.WorkingDays;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Earned value of a project (engine: {@link EarnedValueAnalysis}). Budgets are the baseline's task costs
 * (set when the baseline is captured, or imported with it), spread over the baseline dates on the
 * project's working days (a fixed cost accrued at the start or the end on that day); EV is percent complete
 * of the budget; AC is every time entry up to the status date at the rate of the person's resource that day,
 * the expenses up to that date and the fixed costs the tasks' progress has incurred. Owners, managers and
 * admins only.
 */
@Service
public class EarnedValueService {
    /**
     * A task's % complete as earned value reads it (alias {@code t}): a task's own; a summary's, as Microsoft
     * Project rolls it up, its subtasks' % complete weighted by their durations (what its own fixed cost is
     * earned and incurred by; the rest of a summary's figures are its subtasks' sums anyway).
     */
    private static final String PROGRESS = "(case when exists (select 1 from task c where c.parent_id = t.id) then"
            + " coalesce((select round(sum(coalesce(l.duration_minutes, 0)::numeric * l.percent_complete)"
            + " / nullif(sum(coalesce(l.duration_minutes, 0)), 0)) from task l where l.project_id = t.project_id"
            + " and cardinality(l.outline_path) > cardinality(t.outline_path)"
            + " and l.outline_path[1:cardinality(t.outline_path)] = t.outline_path"
            + " and not exists (select 1 from task c where c.parent_id = l.id)), t.percent_complete)"
            + " else t.percent_complete end)";

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final PlannedCosts plannedCosts;
    private final BudgetService budgets;

    EarnedValueService(JdbcClient jdbc, ProjectService projects, PlannedCosts plannedCosts, BudgetService budgets) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.plannedCosts = plannedCosts;
        this.budgets = budgets;
    }

    private record Row(long id, Long parent, String wbs, String name, TaskBudget budget) {}

    @Transactional(readOnly = true)
    public EarnedValueView report(
            CurrentUser user, String projectRef, String statusDateText, Integer baselineSlot, String by) {
        ProjectAccess access = projects.access(user, projectRef);
        if (!access.can(Permission.SEE_COSTS)) {
            throw new Forbidden("Earned value of project " + access.key() + " is for owners and managers; your role ("
                    + (access.role() == null ? "none" : access.role().name().toLowerCase()) + ") does not see costs.");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        int slot = baselineSlot == null ? 0 : baselineSlot;
        if (slot < 0 || slot > 10) {
            problems.add("baseline", "must be a baseline slot from 0 to 10");
        }
        ReportingPeriod period = null;
        try {
            period = ReportingPeriod.valueOf((by == null ? "week" : by).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("by", "must be day, week or month");
        }
        LocalDate statusDate = null;
        if (statusDateText != null && !statusDateText.isBlank()) {
            try {
                statusDate = LocalDate.parse(statusDateText.strip());
                if (statusDate.getYear() < 1900 || statusDate.getYear() > 2200) {
                    problems.add("statusDate", "must lie between 1900-01-01 and 2200-12-31");
                }
            } catch (DateTimeParseException e) {
                problems.add("statusDate", "must be a date such as 2026-03-31");
            }
        }
        problems.throwIfAny();
        var project = jdbc.sql("select currency, working_days, status_date from project where id = ?")
                .params(access.projectId())
                .query((rs, n) -> new Object[] {
                    rs.getString(1).strip(),
                    rs.getString(2),
                    rs.getTimestamp(3) == null
                            ? null
                            : rs.getTimestamp(3).toLocalDateTime().toLocalDate()
                })
                .single();
        if (statusDate == null) {
            statusDate = project[2] != null ? (LocalDate) project[2] : LocalDate.now(access.timeZone());
        }
        List<Row> rows = jdbc.sql("select t.id, t.parent_id, array_to_string(t.outline_path, '.'), t.name,"
                        + PROGRESS + ", b.start_at, b.finish_at, b.cost, b.fixed_cost, b.fixed_cost_accrual"
                        + " from task t join task_baseline b"
                        + " on b.task_id = t.id and b.slot = ? where t.project_id = ? and b.start_at is not null"
                        + " and b.finish_at is not null order by t.outline_path")
                .params(slot, access.projectId())
                .query((rs, n) -> {
                    LocalDate start = rs.getTimestamp(6).toLocalDateTime().toLocalDate();
                    LocalDate finish = rs.getTimestamp(7).toLocalDateTime().toLocalDate();
                    BigDecimal cost = rs.getBigDecimal(8);
                    Long parent = rs.getObject(2) == null ? null : rs.getLong(2);
                    return new Row(
                            rs.getLong(1),
                            parent,
                            rs.getString(3),
                            rs.getString(4),
                            new TaskBudget(
                                    String.valueOf(rs.getLong(1)),
                                    parent == null ? null : String.valueOf(parent),
                                    start,
                                    finish.isBefore(start) ? start : finish,
                                    cost == null ? BigDecimal.ZERO : cost,
                                    BigDecimal.valueOf(rs.getInt(5)),
                                    rs.getBigDecimal(9),
                                    rs.getString(10) == null ? null : CostAccrual.valueOf(rs.getString(10))));
                })
                .list();
        if (rows.isEmpty()) {
            throw new Conflict(
                    "No baseline",
                    "Project " + access.key() + " has no tasks in baseline " + slot
                            + "; set the baseline first (POST .../baselines/" + slot + ").");
        }
        // Actual cost is the hours that count as actual work (approved ones, or all when the project says so).
        List<TimeEntry> entries = jdbc.sql("""
                select user_id, task_id, entry_date, minutes from time_entry
                where project_id = ? and entry_date <= ? and (state = 'APPROVED' or exists (select 1
                from project_time_settings s where s.project_id = time_entry.project_id and s.actuals =
                'ALL'))
                """)
                .params(access.projectId(), statusDate)
                .query((rs, n) -> new TimeEntry(
                        String.valueOf(rs.getLong(1)),
                        String.valueOf(rs.getLong(2)),
                        rs.getObject(3, LocalDate.class),
                        BigDecimal.valueOf(rs.getInt(4)).divide(BigDecimal.valueOf(60), 10, RoundingMode.HALF_UP)))
                .list();
        List<DatedCost> otherCosts = new ArrayList<>(otherActualCosts(access.projectId(), statusDate));
        Set<DayOfWeek> days = new HashSet<>();
        for (String day : ((String) project[1]).split(",")) {
            if (!day.isBlank()) {
                days.add(DayOfWeek.of(Integer.parseInt(day.strip())));
            }
        }
        Set<LocalDate> holidays = new HashSet<>(jdbc.sql("select day from project_holiday where project_id = ?")
                .params(access.projectId())
                .query((rs, n) -> rs.getObject(1, LocalDate.class))
                .list());
        EarnedValueReport report = EarnedValueAnalysis.analyse(
                rows.stream().map(Row::budget).toList(),
                plannedCosts.peopleRates(access.projectId(), access.minutesPerDay(), access.minutesPerWeek()),
                entries,
                otherCosts,
                new WorkingDays(days, holidays),
                statusDate,
                period);
        List<EarnedValueView.TaskFigures> tasks = new ArrayList<>();
        for (Row row : rows) {
            tasks.add(new EarnedValueView.TaskFigures(
                    row.id(),
                    row.wbs(),
                    row.name(),
                    figures(report.tasks().get(row.budget().task()))));
        }
        EarnedSchedule schedule = report.earnedSchedule();
        return new EarnedValueView(
                access.key(),
                (String) project[0],
                statusDate,
                slot,
                period.name().toLowerCase(Locale.ROOT),
                figures(report.project()),
                schedule == null
                        ? new EarnedValueView.Schedule(
                                report.baselineStart(),
                                report.baselineFinish(),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)
                        : new EarnedValueView.Schedule(
                                report.baselineStart(),
                                report.baselineFinish(),
                                schedule.plannedDuration(),
                                schedule.actualTime(),
                                index(schedule.earnedSchedule()),
                                index(schedule.scheduleVariance()),
                                index(schedule.schedulePerformanceIndex()),
                                index(schedule.independentEstimateAtCompletion()),
                                report.forecastFinish()),
                tasks,
                report.curve().stream()
                        .map(point -> new EarnedValueView.Point(
                                point.periodEnd(),
                                money(point.plannedValue()),
                                money(point.actualCost()),
                                money(point.earnedValue())))
                        .toList(),
                budgets(access.projectId(), report));
    }

    private List<EarnedValueView.BudgetFigures> budgets(long projectId, EarnedValueReport report) {
        List<EarnedValueView.BudgetFigures> figures = new ArrayList<>();
        for (Budget budget : budgets.inProject(projectId)) {
            EarnedValue value =
                    budget.taskId() == null ? report.project() : report.tasks().get(String.valueOf(budget.taskId()));
            BigDecimal actual = value == null ? null : money(value.actualCost());
            BigDecimal forecast = null;
            if (value != null) {
                BigDecimal estimate = value.estimateAtCompletion(EstimateMethod.BUDGET_OVER_COST_PERFORMANCE);
                // BAC / CPI means nothing before money is spent or value earned: the plan's rate stands then.
                forecast = money(
                        estimate != null && value.actualCost().signum() != 0
                                ? estimate
                                : value.estimateAtCompletion(EstimateMethod.REMAINING_AT_BUDGETED_RATE));
            }
            figures.add(new EarnedValueView.BudgetFigures(
                    budget.id(),
                    budget.taskId(),
                    budget.wbs(),
                    budget.taskId() == null ? "Project" : budget.taskName(),
                    money(budget.amount()),
                    value == null ? null : money(value.budgetAtCompletion()),
                    actual,
                    actual == null
                            ? money(budget.amount())
                            : money(budget.amount().subtract(actual)),
                    forecast,
                    forecast != null && forecast.compareTo(budget.amount()) > 0,
                    budget.version()));
        }
        return figures;
    }

    /**
     * Actual costs besides time: every expense on its day, and each task's fixed cost as far as its progress
     * has incurred it by the accrual rule ({@link CostModel#actualFixedCost}): at the task's start (START),
     * at its finish (END, once complete), or in proportion to % complete, counted on the status date or the
     * task's finish if earlier (PRORATED). Progress is the task's current % complete, as for EV.
     */
    private List<DatedCost> otherActualCosts(long projectId, LocalDate statusDate) {
        List<DatedCost> costs = new ArrayList<>(jdbc.sql("""
                select task_id, expense_date, amount from expense
                where project_id = ? and expense_date <= ?
                """)
                .params(projectId, statusDate)
                .query((rs, n) -> new DatedCost(
                        rs.getObject(1) == null ? null : String.valueOf(rs.getLong(1)),
                        rs.getObject(2, LocalDate.class),
                        rs.getBigDecimal(3)))
                .list());
        jdbc.sql("select id, fixed_cost, fixed_cost_accrual, percent, start_at, finish_at from (select t.id,"
                        + " t.fixed_cost, t.fixed_cost_accrual, " + PROGRESS + " as percent, t.start_at, t.finish_at"
                        + " from task t where t.project_id = ? and t.fixed_cost > 0 and t.start_at is not null) p"
                        + " where percent > 0")
                .params(projectId)
                .query(rs -> {
                    CostAccrual accrual = CostAccrual.valueOf(rs.getString(3));
                    BigDecimal incurred =
                            CostModel.actualFixedCost(rs.getBigDecimal(2), accrual, BigDecimal.valueOf(rs.getInt(4)));
                    if (incurred.signum() == 0) {
                        return;
                    }
                    LocalDate start = rs.getTimestamp(5).toLocalDateTime().toLocalDate();
                    LocalDate finish = rs.getTimestamp(6) == null
                            ? start
                            : rs.getTimestamp(6).toLocalDateTime().toLocalDate();
                    LocalDate day =
                            switch (accrual) {
                                case START -> start;
                                case END -> finish;
                                case PRORATED -> finish.isBefore(statusDate) ? finish : statusDate;
                            };
                    costs.add(
                            new DatedCost(String.valueOf(rs.getLong(1)), day.isBefore(start) ? start : day, incurred));
                });
        return costs;
    }

    private static EarnedValueView.Figures figures(EarnedValue value) {
        return new EarnedValueView.Figures(
                money(value.budgetAtCompletion()),
                money(value.plannedValue()),
                money(value.earnedValue()),
                money(value.actualCost()),
                money(value.scheduleVariance()),
                money(value.costVariance()),
                index(value.schedulePerformanceIndex()),
                index(value.costPerformanceIndex()),
                money(value.estimateAtCompletion(EstimateMethod.BUDGET_OVER_COST_PERFORMANCE)),
                money(value.estimateAtCompletion(EstimateMethod.REMAINING_AT_BUDGETED_RATE)),
                money(value.estimateAtCompletion(EstimateMethod.REMAINING_AT_COST_AND_SCHEDULE_PERFORMANCE)),
                money(value.estimateToComplete(EstimateMethod.BUDGET_OVER_COST_PERFORMANCE)),
                money(value.varianceAtCompletion(EstimateMethod.BUDGET_OVER_COST_PERFORMANCE)),
                index(value.toCompletePerformanceIndex()));
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal index(BigDecimal value) {
        return value == null ? null : value.setScale(4, RoundingMode.HALF_UP);
    }

    /**
     * The project's earned value totals against a baseline at the project's status date (else today), for a
     * caller who sees costs; null when the baseline holds no tasks yet. Calls {@link #report} on this
     * object, not through its proxy, so "no baseline" does not mark the caller's transaction for rollback.
     */
    @Transactional(readOnly = true)
    public EarnedValueView.Figures totalsOrNull(CurrentUser user, String projectRef, int baselineSlot) {
        try {
            return report(user, projectRef, null, baselineSlot, null).total();
        } catch (Conflict noBaseline) {
            return null;
        }
    }
}
