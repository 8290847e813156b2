package org.gantry.interchange;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gantry.engine.cost.CostAccrual;
import org.gantry.engine.cost.CostAssignment;
import org.gantry.engine.cost.CostModel;
import org.gantry.engine.cost.CostRateEntry;
import org.gantry.engine.cost.CostRateTable;
import org.gantry.engine.cost.CostResource;
import org.gantry.engine.cost.CostTask;
import org.gantry.engine.cost.ResourceKind;
import org.gantry.engine.cost.WorkSlice;
import org.mpxj.AccrueType;
import org.mpxj.Duration;
import org.mpxj.ProjectCalendar;
import org.mpxj.ProjectFile;
import org.mpxj.ProjectProperties;
import org.mpxj.Rate;
import org.mpxj.Resource;
import org.mpxj.ResourceAssignment;
import org.mpxj.ResourceType;
import org.mpxj.Task;
import org.mpxj.TimeUnit;
import org.mpxj.TimephasedWork;
import org.mpxj.reader.UniversalProjectReader;

/**
 * The cost check: read a file, compute every task's planned cost with Gantry's cost model
 * ({@link CostModel}) from what the plan holds (rate tables, per-use costs, material quantities, cost
 * resources' amounts, fixed costs, work and overtime work), and compare with the cost Microsoft Project
 * stored for the task. The project summary row is left out, as in the schedule check: Project does not keep
 * it up to date in every file.
 *
 * <p>Only the inputs are taken from the file, never a computed cost: the one amount read from an
 * assignment is what a cost resource was assigned, which is what the user typed. Two costs are the same
 * when they differ by less than half a cent: Project shows cents, and files store work and units as
 * floating point (5 h may be 4.999999479 h).
 */
public final class CostCheck {
    private static final double HALF_A_CENT = 0.005;

    private CostCheck() {}

    public static List<CostCheckResult> checkAll(List<Path> files, Consumer<CostCheckResult> report) {
        List<CostCheckResult> results = new ArrayList<>();
        for (Path file : files) {
            CostCheckResult result;
            try {
                result = check(file);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                result = CostCheckResult.unreadable(file, "cost check failed: " + e);
            }
            if (result.holdsCost()) {
                report.accept(result);
                results.add(result);
            }
        }
        return results;
    }

    public static CostCheckResult check(Path path) {
        ProjectFile file;
        try {
            file = new UniversalProjectReader().read(path.toFile());
        } catch (Exception | LinkageError e) {
            return CostCheckResult.noCost(path);
        }
        if (file == null || file.getTasks().stream().noneMatch(CostCheck::storesCost)) {
            return CostCheckResult.noCost(path);
        }
        Map<String, BigDecimal> computed = costs(file);
        String first = null;
        int differences = 0;
        int compared = 0;
        for (Task task : file.getTasks()) {
            if (task.getUniqueID() == null || !ProjectFileImport.included(task)) {
                continue;
            }
            compared++;
            double expected = task.getCost() == null ? 0 : task.getCost().doubleValue();
            BigDecimal got = computed.get(key(task));
            if (Math.abs(got.doubleValue() - expected) >= HALF_A_CENT) {
                differences++;
                if (first == null) {
                    first = "task " + task.getID() + " '" + task.getName() + "', cost: expected "
                            + BigDecimal.valueOf(expected).toPlainString() + ", got " + got.toPlainString();
                }
            }
        }
        return first == null
                ? new CostCheckResult(path, true, true, compared, null, 0)
                : new CostCheckResult(path, true, false, compared, first, differences - 1);
    }

    /** Every included task's cost by Gantry's cost model, keyed by unique id. */
    static Map<String, BigDecimal> costs(ProjectFile file) {
        ProjectProperties properties = file.getProjectProperties();
        List<CostTask> tasks = new ArrayList<>();
        for (Task task : file.getTasks()) {
            if (task.getUniqueID() == null || !ProjectFileImport.included(task)) {
                continue;
            }
            Task parent = task.getParentTask();
            tasks.add(new CostTask(
                    key(task),
                    parent != null && ProjectFileImport.included(parent) ? key(parent) : null,
                    amount(task.getFixedCost()),
                    accrual(task.getFixedCostAccrual()),
                    task.getActive()));
        }
        List<CostResource> resources = new ArrayList<>();
        for (Resource resource : file.getResources()) {
            if (resource.getUniqueID() != null) {
                resources.add(resource(resource, properties));
            }
        }
        List<CostAssignment> assignments = new ArrayList<>();
        for (ResourceAssignment assignment : file.getResourceAssignments()) {
            Resource resource = assignment.getResource();
            Task task = assignment.getTask();
            if (resource == null || task == null || task.getUniqueID() == null) {
                continue;
            }
            assignments.add(assignment(assignment, resource, properties));
        }
        return CostModel.taskCosts(tasks, resources, assignments);
    }

    private static CostResource resource(Resource resource, ProjectProperties properties) {
        ResourceKind kind = resource.getType() == ResourceType.MATERIAL
                ? ResourceKind.MATERIAL
                : resource.getType() == ResourceType.COST ? ResourceKind.COST : ResourceKind.WORK;
        List<CostRateTable> tables = new ArrayList<>();
        for (int index = 0; index < org.mpxj.CostRateTable.MAX_TABLES; index++) {
            org.mpxj.CostRateTable table = resource.getCostRateTable(index);
            List<CostRateEntry> entries = new ArrayList<>();
            if (table != null) {
                for (org.mpxj.CostRateTableEntry entry : table) {
                    entries.add(new CostRateEntry(
                            entry.getStartDate() == null ? LocalDateTime.MIN : entry.getStartDate(),
                            rate(entry.getStandardRate(), kind, properties),
                            rate(entry.getOvertimeRate(), kind, properties),
                            amount(entry.getCostPerUse())));
                }
            }
            if (entries.isEmpty()) {
                entries.add(new CostRateEntry(
                        LocalDateTime.MIN,
                        rate(resource.getStandardRate(), kind, properties),
                        rate(resource.getOvertimeRate(), kind, properties),
                        amount(resource.getCostPerUse())));
            }
            tables.add(new CostRateTable(entries));
        }
        return new CostResource(
                String.valueOf(resource.getUniqueID()),
                kind,
                tables,
                accrual(resource.getAccrueAt()),
                resource.getBudget());
    }

    private static CostAssignment assignment(
            ResourceAssignment assignment, Resource resource, ProjectProperties properties) {
        double work = hours(assignment.getWork(), properties);
        double overtime = hours(assignment.getOvertimeWork(), properties);
        double regular = work - overtime;
        LocalDateTime start = assignment.getStart() != null
                ? assignment.getStart()
                : assignment.getTask().getStart();
        LocalDateTime finish = assignment.getFinish() != null ? assignment.getFinish() : start;
        List<WorkSlice> slices = new ArrayList<>();
        org.mpxj.CostRateTable table = resource.getCostRateTable(assignment.getCostRateTableIndex());
        List<LocalDateTime> changes = new ArrayList<>();
        if (table != null && start != null) {
            for (org.mpxj.CostRateTableEntry entry : table) {
                LocalDateTime from = entry.getStartDate();
                if (from != null && from.isAfter(start) && from.isBefore(finish)) {
                    changes.add(from);
                }
            }
            changes.sort(null);
        }
        if (start == null) {
            start = LocalDateTime.MIN;
        }
        if (changes.isEmpty()) {
            slices.add(new WorkSlice(start, decimal(regular), decimal(overtime)));
        } else {
            // The rates change while the assignment works: cut its work at each change, in the proportion
            // of work done before it (the file's time-phased work, which follows the contour, or else the
            // working time of the assignment's calendar).
            WorkShare share = new WorkShare(assignment, start, finish, properties);
            double before = 0;
            LocalDateTime sliceStart = start;
            for (LocalDateTime change : changes) {
                double upTo = share.before(change);
                slices.add(new WorkSlice(
                        sliceStart, decimal(regular * (upTo - before)), decimal(overtime * (upTo - before))));
                before = upTo;
                sliceStart = change;
            }
            slices.add(new WorkSlice(sliceStart, decimal(regular * (1 - before)), decimal(overtime * (1 - before))));
        }
        BigDecimal units = assignment.getUnits() == null
                ? BigDecimal.ONE
                : BigDecimal.valueOf(assignment.getUnits().doubleValue()).movePointLeft(2);
        BigDecimal amount = resource.getType() == ResourceType.COST ? amount(assignment.getCost()) : null;
        return new CostAssignment(
                key(assignment.getTask()),
                String.valueOf(resource.getUniqueID()),
                assignment.getCostRateTableIndex(),
                units,
                start,
                slices,
                amount);
    }

    /** The share of an assignment's work done before an instant. */
    private static final class WorkShare {
        private final List<TimephasedWork> items = new ArrayList<>();
        private final ProjectCalendar calendar;
        private final ProjectProperties properties;
        private final LocalDateTime start;
        private final LocalDateTime finish;
        private final double total;

        WorkShare(
                ResourceAssignment assignment,
                LocalDateTime start,
                LocalDateTime finish,
                ProjectProperties properties) {
            this.calendar = assignment.getEffectiveCalendar();
            this.properties = properties;
            this.start = start;
            this.finish = finish;
            if (assignment.getTimephasedActualWork() != null) {
                items.addAll(assignment.getTimephasedActualWork());
            }
            if (assignment.getTimephasedWork() != null) {
                items.addAll(assignment.getTimephasedWork());
            }
            double sum = 0;
            for (TimephasedWork item : items) {
                sum += hours(item.getTotalAmount(), properties);
            }
            this.total = sum;
        }

        double before(LocalDateTime instant) {
            if (total > 0) {
                double done = 0;
                for (TimephasedWork item : items) {
                    double itemHours = hours(item.getTotalAmount(), properties);
                    if (!item.getFinish().isAfter(instant)) {
                        done += itemHours;
                    } else if (item.getStart().isBefore(instant)) {
                        done += itemHours * workingShare(item.getStart(), instant, item.getFinish());
                    }
                }
                return done / total;
            }
            return workingShare(start, instant, finish);
        }

        private double workingShare(LocalDateTime from, LocalDateTime at, LocalDateTime to) {
            if (calendar == null) {
                double whole = java.time.Duration.between(from, to).toMinutes();
                return whole <= 0 ? 1 : java.time.Duration.between(from, at).toMinutes() / whole;
            }
            double whole = calendar.getWork(from, to, TimeUnit.MINUTES).getDuration();
            return whole <= 0 ? 1 : calendar.getWork(from, at, TimeUnit.MINUTES).getDuration() / whole;
        }
    }

    private static boolean storesCost(Task task) {
        return task.getCost() != null && task.getCost().doubleValue() != 0;
    }

    private static String key(Task task) {
        return String.valueOf(task.getUniqueID());
    }

    /** A rate per hour for work, per unit for a material (whose time unit means nothing). */
    private static BigDecimal rate(Rate rate, ResourceKind kind, ProjectProperties properties) {
        if (rate == null) {
            return BigDecimal.ZERO;
        }
        if (kind == ResourceKind.MATERIAL) {
            return BigDecimal.valueOf(rate.getAmount());
        }
        double perUnit = ScheduleCheck.minutesPer(rate.getUnits(), properties);
        return BigDecimal.valueOf(rate.getAmount() * 60 / perUnit);
    }

    private static double hours(Duration duration, ProjectProperties properties) {
        if (duration == null) {
            return 0;
        }
        return duration.getDuration() * ScheduleCheck.minutesPer(duration.getUnits(), properties) / 60;
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }

    private static BigDecimal amount(Number number) {
        return number == null ? BigDecimal.ZERO : BigDecimal.valueOf(number.doubleValue());
    }

    /** Project's accrual as the cost model names it (prorated when unset). */
    static CostAccrual accrual(AccrueType type) {
        if (type == null) {
            return CostAccrual.PRORATED;
        }
        return switch (type) {
            case START -> CostAccrual.START;
            case END -> CostAccrual.END;
            default -> CostAccrual.PRORATED;
        };
    }
}
