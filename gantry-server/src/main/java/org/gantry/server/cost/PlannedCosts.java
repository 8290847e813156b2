package org.gantry.server.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gantry.engine.cost.CostAccrual;
import org.gantry.engine.cost.CostAssignment;
import org.gantry.engine.cost.CostModel;
import org.gantry.engine.cost.CostRateEntry;
import org.gantry.engine.cost.CostRateTable;
import org.gantry.engine.cost.CostResource;
import org.gantry.engine.cost.CostTask;
import org.gantry.engine.cost.ResourceKind;
import org.gantry.engine.cost.WorkSlice;
import org.gantry.engine.earnedvalue.CostRate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The planned cost of every task of a project by the engine's cost model, from the resources' rates (their
 * own rates, then their dated rates) and the assignments' units and work, plus each task's fixed cost. The
 * server keeps no overtime work, so a task costs its assignments' regular work, per-use costs, materials and
 * its fixed cost.
 * When a rate changes during an assignment, its work is cut in proportion to the time on either side.
 */
@Service
public class PlannedCosts {
    static final LocalDate BEGINNING = LocalDate.of(1900, 1, 1);

    private final JdbcClient jdbc;

    PlannedCosts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes each captured task's planned cost into the baseline slot (all tasks, or the given ones), as its budget. */
    public void captureIntoBaseline(
            long projectId, int slot, List<Long> taskIds, long minutesPerDay, long minutesPerWeek) {
        Map<Long, BigDecimal> costs = taskCosts(projectId, minutesPerDay, minutesPerWeek);
        if (!taskIds.isEmpty()) {
            costs.keySet().retainAll(new java.util.HashSet<>(taskIds));
        }
        Long[] tasks = costs.keySet().toArray(Long[]::new);
        String[] amounts = new String[tasks.length];
        for (int i = 0; i < tasks.length; i++) {
            amounts[i] = costs.get(tasks[i]).setScale(4, RoundingMode.HALF_UP).toPlainString();
        }
        // One statement for the whole project, not one per task. The fixed cost and its accrual go with the
        // cost, so the planned value spreads the budget as it was planned even when they change later.
        jdbc.sql("""
                update task_baseline b set cost = v.cost, fixed_cost = t.fixed_cost,
                fixed_cost_accrual = t.fixed_cost_accrual from (select unnest(?::bigint[]) as task_id,
                unnest(?::numeric[]) as cost) v join task t on t.id = v.task_id
                where b.task_id = v.task_id and b.slot = ? and b.project_id = ?
                """).params(tasks, amounts, slot, projectId).update();
    }

    /**
     * An assignment as a change request would leave it: the resource on the task with units (% of its time; for
     * a material the quantity) and work in working minutes, over the task's current dates.
     */
    public record ProposedAssignment(long taskId, long resourceId, BigDecimal units, long workMinutes) {}

    /**
     * What a change request would make of the plan's money: for the tasks in {@code assignments}, every
     * assignment they would have (replacing the stored ones), and the tasks' new fixed costs.
     */
    public record Proposal(Map<Long, List<ProposedAssignment>> assignments, Map<Long, BigDecimal> fixedCosts) {
        public static final Proposal NONE = new Proposal(Map.of(), Map.of());
    }

    public Map<Long, BigDecimal> taskCosts(long projectId, long minutesPerDay, long minutesPerWeek) {
        return taskCosts(projectId, minutesPerDay, minutesPerWeek, Proposal.NONE);
    }

    /**
     * The planned cost of every task as the {@code proposal} would leave it (the what-if of a change request):
     * a proposed assignment is costed like a stored one, over its task's dates.
     */
    public Map<Long, BigDecimal> taskCosts(long projectId, long minutesPerDay, long minutesPerWeek, Proposal proposal) {
        List<CostTask> tasks = jdbc.sql("""
                select id, parent_id, fixed_cost, fixed_cost_accrual from task
                where project_id = ? order by outline_path
                """)
                .params(projectId)
                .query((rs, n) -> new CostTask(
                        String.valueOf(rs.getLong(1)),
                        rs.getObject(2) == null ? null : String.valueOf(rs.getLong(2)),
                        proposal.fixedCosts().getOrDefault(rs.getLong(1), rs.getBigDecimal(3)),
                        CostAccrual.valueOf(rs.getString(4))))
                .list();
        Map<Long, List<CostRateEntry>> dated = new HashMap<>();
        jdbc.sql("""
                select resource_id, effective_from, standard_rate, overtime_rate, cost_per_use from resource_rate
                where project_id = ?
                """).params(projectId).query(rs -> {
            dated.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                    .add(new CostRateEntry(
                            rs.getObject(2, LocalDate.class).atStartOfDay(),
                            rs.getBigDecimal(3),
                            rs.getBigDecimal(4),
                            rs.getBigDecimal(5)));
        });
        List<CostResource> resources = jdbc.sql("""
                select id, kind, standard_rate, standard_rate_per, overtime_rate,
                overtime_rate_per, cost_per_use from resource where project_id = ?
                """)
                .params(projectId)
                .query((rs, n) -> {
                    ResourceKind kind = ResourceKind.valueOf(rs.getString(2));
                    List<CostRateEntry> entries = new ArrayList<>();
                    entries.add(new CostRateEntry(
                            LocalDateTime.MIN,
                            kind == ResourceKind.MATERIAL
                                    ? rs.getBigDecimal(3)
                                    : perHour(rs.getBigDecimal(3), rs.getString(4), minutesPerDay, minutesPerWeek),
                            perHour(rs.getBigDecimal(5), rs.getString(6), minutesPerDay, minutesPerWeek),
                            rs.getBigDecimal(7)));
                    entries.addAll(dated.getOrDefault(rs.getLong(1), List.of()));
                    return new CostResource(
                            String.valueOf(rs.getLong(1)),
                            kind,
                            List.of(new CostRateTable(entries)),
                            CostAccrual.PRORATED,
                            false);
                })
                .list();
        Map<String, CostRateTable> tables = new HashMap<>();
        resources.forEach(resource ->
                tables.put(resource.resource(), resource.rateTables().get(0)));
        List<CostAssignment> assignments = jdbc.sql("""
                select task_id, resource_id, units, work_minutes, start_at,
                finish_at from assignment where project_id = ?
                """)
                .params(projectId)
                .query((rs, n) -> {
                    String resource = String.valueOf(rs.getLong(2));
                    BigDecimal hours =
                            BigDecimal.valueOf(rs.getLong(4)).divide(BigDecimal.valueOf(60), 10, RoundingMode.HALF_UP);
                    LocalDateTime start = rs.getTimestamp(5) == null
                            ? null
                            : rs.getTimestamp(5).toLocalDateTime();
                    LocalDateTime finish = rs.getTimestamp(6) == null
                            ? start
                            : rs.getTimestamp(6).toLocalDateTime();
                    return new CostAssignment(
                            String.valueOf(rs.getLong(1)),
                            resource,
                            0,
                            rs.getBigDecimal(3).movePointLeft(2),
                            start,
                            slices(tables.get(resource), start, finish, hours),
                            null);
                })
                .list();
        List<ProposedAssignment> proposed = new ArrayList<>();
        proposal.assignments().values().forEach(proposed::addAll);
        if (!proposal.assignments().isEmpty()) {
            assignments = new ArrayList<>(assignments);
            assignments.removeIf(assignment -> proposal.assignments().containsKey(Long.valueOf(assignment.task())));
            Map<Long, LocalDateTime[]> dates = new HashMap<>();
            jdbc.sql("select id, start_at, finish_at from task where project_id = ? and id = any(?)")
                    .params(projectId, proposal.assignments().keySet().toArray(Long[]::new))
                    .query(rs -> {
                        LocalDateTime start = rs.getTimestamp(2) == null
                                ? null
                                : rs.getTimestamp(2).toLocalDateTime();
                        LocalDateTime finish = rs.getTimestamp(3) == null
                                ? start
                                : rs.getTimestamp(3).toLocalDateTime();
                        dates.put(rs.getLong(1), new LocalDateTime[] {start, finish});
                    });
            for (ProposedAssignment assignment : proposed) {
                String resource = String.valueOf(assignment.resourceId());
                LocalDateTime[] span = dates.getOrDefault(assignment.taskId(), new LocalDateTime[2]);
                BigDecimal hours = BigDecimal.valueOf(assignment.workMinutes())
                        .divide(BigDecimal.valueOf(60), 10, RoundingMode.HALF_UP);
                assignments.add(new CostAssignment(
                        String.valueOf(assignment.taskId()),
                        resource,
                        0,
                        assignment.units().movePointLeft(2),
                        span[0],
                        slices(tables.get(resource), span[0], span[1], hours),
                        null));
            }
        }
        Map<Long, BigDecimal> costs = new HashMap<>();
        CostModel.taskCosts(tasks, resources, assignments).forEach((task, cost) -> costs.put(Long.valueOf(task), cost));
        return costs;
    }

    /** Rates per person (user id) for actual cost: their work resource's own rate, then its dated rates. */
    List<CostRate> peopleRates(long projectId, long minutesPerDay, long minutesPerWeek) {
        List<CostRate> rates = new ArrayList<>();
        jdbc.sql("""
                select distinct on (r.user_id) r.user_id, r.id, r.standard_rate, r.standard_rate_per from resource r
                where r.project_id = ? and r.user_id is not null and r.kind = 'WORK' order by r.user_id, r.id
                """).params(projectId).query(rs -> {
            String person = String.valueOf(rs.getLong(1));
            BigDecimal own = perHour(rs.getBigDecimal(3), rs.getString(4), minutesPerDay, minutesPerWeek);
            rates.add(new CostRate(person, BEGINNING, own == null ? BigDecimal.ZERO : own));
            jdbc.sql("select effective_from, standard_rate from resource_rate where resource_id = ?")
                    .params(rs.getLong(2))
                    .query(dated -> {
                        rates.add(new CostRate(person, dated.getObject(1, LocalDate.class), dated.getBigDecimal(2)));
                    });
        });
        return rates;
    }

    private static List<WorkSlice> slices(
            CostRateTable table, LocalDateTime start, LocalDateTime finish, BigDecimal hours) {
        if (start == null) {
            return List.of(new WorkSlice(LocalDateTime.MIN, hours, BigDecimal.ZERO));
        }
        List<LocalDateTime> changes = table == null ? List.of() : table.changesBetween(start, finish);
        if (changes.isEmpty() || !finish.isAfter(start)) {
            return List.of(new WorkSlice(start, hours, BigDecimal.ZERO));
        }
        List<WorkSlice> slices = new ArrayList<>();
        BigDecimal whole = BigDecimal.valueOf(Duration.between(start, finish).toMinutes());
        BigDecimal done = BigDecimal.ZERO;
        LocalDateTime from = start;
        for (LocalDateTime change : changes) {
            BigDecimal upTo = hours.multiply(
                            BigDecimal.valueOf(Duration.between(start, change).toMinutes()))
                    .divide(whole, 10, RoundingMode.HALF_UP);
            slices.add(new WorkSlice(from, upTo.subtract(done), BigDecimal.ZERO));
            done = upTo;
            from = change;
        }
        slices.add(new WorkSlice(from, hours.subtract(done), BigDecimal.ZERO));
        return slices;
    }

    /** A rate per hour from an amount per unit (HOURS when not said). */
    static BigDecimal perHour(BigDecimal amount, String per, long minutesPerDay, long minutesPerWeek) {
        if (amount == null) {
            return null;
        }
        long minutes =
                switch (per == null ? "HOURS" : per) {
                    case "MINUTES", "ELAPSED_MINUTES" -> 1;
                    case "DAYS" -> minutesPerDay;
                    case "WEEKS" -> minutesPerWeek;
                    case "MONTHS" -> minutesPerDay * 20;
                    case "ELAPSED_DAYS" -> 1440;
                    case "ELAPSED_WEEKS" -> 1440 * 7;
                    case "ELAPSED_MONTHS" -> 1440 * 30;
                    default -> 60;
                };
        return amount.multiply(BigDecimal.valueOf(60)).divide(BigDecimal.valueOf(minutes), 10, RoundingMode.HALF_UP);
    }
}
