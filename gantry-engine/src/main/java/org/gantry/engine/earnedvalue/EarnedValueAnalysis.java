package org.gantry.engine.earnedvalue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gantry.engine.cost.CostAccrual;

/**
 * Earned value of a whole project at a status date.
 *
 * <ul>
 *   <li>PV: each task's budget is spread evenly over the working days from its baseline start to its
 *       baseline finish (all of it on the start day when none is a working day); PV at a date is what was
 *       planned up to and including that day. The last working day takes the rounding remainder, so a task's
 *       daily amounts add up to its budget exactly.
 *   <li>EV: budget x percent complete.
 *   <li>AC: every time entry up to and including the status date, its hours at the rate the person had on
 *       that day (the rate with the latest effective date not after it; no rate, no cost).
 *   <li>Earned schedule on the daily planned value of the project: period k is the k-th calendar day from
 *       the earliest baseline start, PD the days up to the latest baseline finish, AT the days up to the
 *       status date. The forecast finish is the baseline start plus IEAC(t) days, rounded up.
 * </ul>
 *
 * Inside it works on arrays indexed by task and by day, so a 10,000-task project with a year of daily time
 * entries is analysed in well under a second.
 */
public final class EarnedValueAnalysis {
    private static final int DAILY_SCALE = 10;

    private EarnedValueAnalysis() {}

    public static EarnedValueReport analyse(
            List<TaskBudget> tasks,
            List<CostRate> rates,
            List<TimeEntry> timeEntries,
            WorkingDays workingDays,
            LocalDate statusDate,
            ReportingPeriod period) {
        return analyse(tasks, rates, timeEntries, List.of(), workingDays, statusDate, period);
    }

    /**
     * As above, with other actual costs (expenses, incurred fixed costs): each counts in AC from its day on,
     * on its task and the task's summaries, or on the project alone when it names no task of the plan.
     */
    public static EarnedValueReport analyse(
            List<TaskBudget> tasks,
            List<CostRate> rates,
            List<TimeEntry> timeEntries,
            List<DatedCost> otherCosts,
            WorkingDays workingDays,
            LocalDate statusDate,
            ReportingPeriod period) {
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("earned value needs at least one task");
        }
        int count = tasks.size();
        Map<String, Integer> index = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            if (index.put(tasks.get(i).task(), i) != null) {
                throw new IllegalArgumentException("task " + tasks.get(i).task() + " appears twice");
            }
        }
        int[] parent = new int[count];
        boolean[] summary = new boolean[count];
        for (int i = 0; i < count; i++) {
            String parentKey = tasks.get(i).parent();
            Integer parentIndex = parentKey == null ? null : index.get(parentKey);
            parent[i] = parentIndex == null ? -1 : parentIndex;
            if (parent[i] >= 0) {
                summary[parent[i]] = true;
            }
        }

        LocalDate projectStart = null;
        LocalDate projectFinish = null;
        for (int i = 0; i < count; i++) {
            if (summary[i]) {
                continue;
            }
            TaskBudget task = tasks.get(i);
            projectStart = projectStart == null || task.start().isBefore(projectStart) ? task.start() : projectStart;
            projectFinish =
                    projectFinish == null || task.finish().isAfter(projectFinish) ? task.finish() : projectFinish;
        }
        if (projectStart == null) {
            throw new IllegalArgumentException("every task is a summary task");
        }
        LocalDate curveEnd = period.endOf(statusDate.isAfter(projectFinish) ? statusDate : projectFinish);
        int days = (int) ChronoUnit.DAYS.between(projectStart, curveEnd) + 1;
        int statusDay = (int) ChronoUnit.DAYS.between(projectStart, statusDate);

        BigDecimal[] dailyPlanned = zeros(days);
        BigDecimal[] planned = zeros(count);
        BigDecimal[] budget = zeros(count);
        BigDecimal[] earned = zeros(count);
        BigDecimal hundred = BigDecimal.valueOf(100);
        for (int i = 0; i < count; i++) {
            if (summary[i]) {
                continue;
            }
            TaskBudget task = tasks.get(i);
            budget[i] = task.budget();
            earned[i] = task.budget().multiply(task.percentComplete()).divide(hundred);
            planned[i] = spread(task, workingDays, projectStart, statusDay, dailyPlanned);
        }

        BigDecimal[] actual = zeros(count);
        BigDecimal openingActual = BigDecimal.ZERO;
        BigDecimal[] dailyActual = zeros(days);
        RateBook rateBook = new RateBook(rates);
        for (TimeEntry entry : timeEntries) {
            if (entry.date().isAfter(statusDate)) {
                continue;
            }
            Integer taskIndex = index.get(entry.task());
            if (taskIndex == null) {
                continue;
            }
            BigDecimal cost = entry.hours().multiply(rateBook.rate(entry.person(), entry.date()));
            actual[taskIndex] = actual[taskIndex].add(cost);
            int day = (int) ChronoUnit.DAYS.between(projectStart, entry.date());
            if (day < 0) {
                openingActual = openingActual.add(cost);
            } else {
                dailyActual[day] = dailyActual[day].add(cost);
            }
        }

        BigDecimal projectOnly = BigDecimal.ZERO;
        for (DatedCost cost : otherCosts) {
            if (cost.date().isAfter(statusDate)) {
                continue;
            }
            Integer taskIndex = cost.task() == null ? null : index.get(cost.task());
            if (taskIndex == null) {
                projectOnly = projectOnly.add(cost.amount());
            } else {
                actual[taskIndex] = actual[taskIndex].add(cost.amount());
            }
            int day = (int) ChronoUnit.DAYS.between(projectStart, cost.date());
            if (day < 0) {
                openingActual = openingActual.add(cost.amount());
            } else {
                dailyActual[day] = dailyActual[day].add(cost.amount());
            }
        }

        EarnedValue[] values = new EarnedValue[count];
        Arrays.fill(values, EarnedValue.zero());
        EarnedValue project = EarnedValue.zero();
        for (int i = 0; i < count; i++) {
            if (summary[i]) {
                continue;
            }
            EarnedValue own = new EarnedValue(budget[i], planned[i], earned[i], actual[i]);
            project = project.plus(own);
            for (int at = i; at >= 0; at = parent[at]) {
                values[at] = values[at].plus(own);
            }
        }
        // A summary's own fixed cost is its own budget: planned over its dates, earned by its percent complete;
        // time entries and costs booked on a summary task count for it and its ancestors, never twice.
        for (int i = 0; i < count; i++) {
            TaskBudget task = tasks.get(i);
            boolean ownFixedCost = summary[i] && task.fixedCost().signum() > 0;
            if (summary[i] && (actual[i].signum() != 0 || ownFixedCost)) {
                BigDecimal ownBudget = ownFixedCost ? task.fixedCost() : BigDecimal.ZERO;
                LocalDate ownStart = task.start().isBefore(projectStart)
                        ? projectStart
                        : task.start().isAfter(curveEnd) ? curveEnd : task.start();
                LocalDate ownFinish = task.finish().isAfter(curveEnd) ? curveEnd : task.finish();
                BigDecimal ownPlanned = ownFixedCost
                        ? spread(
                                new TaskBudget(
                                        task.task(),
                                        task.parent(),
                                        // Within the leaves' span, which the daily arrays cover.
                                        ownStart,
                                        ownFinish.isBefore(ownStart) ? ownStart : ownFinish,
                                        ownBudget,
                                        task.percentComplete(),
                                        ownBudget,
                                        task.fixedCostAccrual()),
                                workingDays,
                                projectStart,
                                statusDay,
                                dailyPlanned)
                        : BigDecimal.ZERO;
                BigDecimal ownEarned =
                        ownBudget.multiply(task.percentComplete()).divide(hundred);
                EarnedValue own = new EarnedValue(ownBudget, ownPlanned, ownEarned, actual[i]);
                project = project.plus(own);
                for (int at = i; at >= 0; at = parent[at]) {
                    values[at] = values[at].plus(own);
                }
            }
        }
        if (projectOnly.signum() != 0) {
            project = project.plus(new EarnedValue(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, projectOnly));
        }
        Map<String, EarnedValue> byTask = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            byTask.put(tasks.get(i).task(), values[i]);
        }

        int plannedDays = (int) ChronoUnit.DAYS.between(projectStart, projectFinish) + 1;
        List<BigDecimal> cumulativePlanned = new ArrayList<>(plannedDays);
        BigDecimal running = BigDecimal.ZERO;
        for (int day = 0; day < plannedDays; day++) {
            running = running.add(dailyPlanned[day]);
            cumulativePlanned.add(running);
        }
        BigDecimal actualTime = BigDecimal.valueOf(Math.max(0, statusDay + 1));
        // A negative budget (a credit) can make the cumulative plan fall back: earned schedule has no meaning
        // then, and is left out rather than guessed.
        EarnedSchedule schedule = nonDecreasing(cumulativePlanned)
                ? new PlannedValueCurve(cumulativePlanned).earnedSchedule(project.earnedValue(), actualTime)
                : null;
        BigDecimal forecastDays =
                schedule == null || actualTime.signum() == 0 ? null : schedule.independentEstimateAtCompletion();
        LocalDate forecastFinish = forecastDays == null || forecastDays.signum() <= 0
                ? null
                : projectStart.plusDays(
                        forecastDays.setScale(0, RoundingMode.CEILING).longValueExact() - 1);

        List<EarnedValuePoint> curve =
                curve(projectStart, days, statusDay, period, dailyPlanned, dailyActual, openingActual, project);
        return new EarnedValueReport(
                statusDate, projectStart, projectFinish, project, byTask, schedule, forecastFinish, curve);
    }

    /**
     * Adds the task's daily amounts to the project's and returns its planned value up to the status day. A
     * fixed cost accrued at the start or the end is planned on that day; the rest of the budget is spread.
     */
    private static BigDecimal spread(
            TaskBudget task, WorkingDays workingDays, LocalDate projectStart, int statusDay, BigDecimal[] daily) {
        int first = (int) ChronoUnit.DAYS.between(projectStart, task.start());
        int length = (int) ChronoUnit.DAYS.between(task.start(), task.finish()) + 1;
        BigDecimal spread = task.budget();
        BigDecimal planned = BigDecimal.ZERO;
        if (task.fixedCostAccrual() != CostAccrual.PRORATED
                && task.fixedCost().signum() > 0
                && task.budget().signum() > 0) {
            // An imported baseline may hold less than the fixed cost: never plan more than the budget.
            BigDecimal fixed = task.fixedCost().min(task.budget());
            spread = task.budget().subtract(fixed);
            int day = task.fixedCostAccrual() == CostAccrual.START ? first : first + length - 1;
            daily[day] = daily[day].add(fixed);
            if (day <= statusDay) {
                planned = planned.add(fixed);
            }
        }
        int working = 0;
        int lastWorking = -1;
        for (int offset = 0; offset < length; offset++) {
            if (workingDays.isWorking(task.start().plusDays(offset))) {
                working++;
                lastWorking = offset;
            }
        }
        if (working == 0) {
            daily[first] = daily[first].add(spread);
            return first <= statusDay ? planned.add(spread) : planned;
        }
        BigDecimal perDay = spread.divide(BigDecimal.valueOf(working), DAILY_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal lastDay = spread.subtract(perDay.multiply(BigDecimal.valueOf(working - 1)));
        for (int offset = 0; offset < length; offset++) {
            if (!workingDays.isWorking(task.start().plusDays(offset))) {
                continue;
            }
            BigDecimal amount = offset == lastWorking ? lastDay : perDay;
            daily[first + offset] = daily[first + offset].add(amount);
            if (first + offset <= statusDay) {
                planned = planned.add(amount);
            }
        }
        return planned;
    }

    private static List<EarnedValuePoint> curve(
            LocalDate projectStart,
            int days,
            int statusDay,
            ReportingPeriod period,
            BigDecimal[] dailyPlanned,
            BigDecimal[] dailyActual,
            BigDecimal openingActual,
            EarnedValue project) {
        List<EarnedValuePoint> points = new ArrayList<>();
        BigDecimal planned = BigDecimal.ZERO;
        BigDecimal actual = openingActual;
        LocalDate periodEnd = period.endOf(projectStart);
        for (int day = 0; day < days; day++) {
            planned = planned.add(dailyPlanned[day]);
            if (day <= statusDay) {
                actual = actual.add(dailyActual[day]);
            }
            LocalDate date = projectStart.plusDays(day);
            if (date.equals(periodEnd)) {
                int periodStartDay = (int) ChronoUnit.DAYS.between(projectStart, periodStart(period, periodEnd));
                boolean started = periodStartDay <= statusDay;
                boolean holdsStatus = started && day >= statusDay;
                points.add(new EarnedValuePoint(
                        periodEnd, planned, started ? actual : null, holdsStatus ? project.earnedValue() : null));
                periodEnd = period.endOf(date.plusDays(1));
            }
        }
        return points;
    }

    private static LocalDate periodStart(ReportingPeriod period, LocalDate periodEnd) {
        return switch (period) {
            case DAY -> periodEnd;
            case WEEK -> periodEnd.minusDays(6);
            case MONTH -> periodEnd.withDayOfMonth(1);
        };
    }

    private static boolean nonDecreasing(List<BigDecimal> cumulative) {
        BigDecimal previous = BigDecimal.ZERO;
        for (BigDecimal value : cumulative) {
            if (value.compareTo(previous) < 0) {
                return false;
            }
            previous = value;
        }
        return true;
    }

    private static BigDecimal[] zeros(int length) {
        BigDecimal[] array = new BigDecimal[length];
        Arrays.fill(array, BigDecimal.ZERO);
        return array;
    }

    /** Each person's rates sorted by effective date, looked up by binary search. */
    private static final class RateBook {
        private final Map<String, long[]> effectiveDays = new HashMap<>();
        private final Map<String, BigDecimal[]> amounts = new HashMap<>();

        RateBook(List<CostRate> rates) {
            Map<String, List<CostRate>> byPerson = new HashMap<>();
            for (CostRate rate : rates) {
                byPerson.computeIfAbsent(rate.person(), person -> new ArrayList<>())
                        .add(rate);
            }
            byPerson.forEach((person, list) -> {
                list.sort((a, b) -> a.effectiveFrom().compareTo(b.effectiveFrom()));
                long[] days = new long[list.size()];
                BigDecimal[] perHour = new BigDecimal[list.size()];
                for (int i = 0; i < list.size(); i++) {
                    days[i] = list.get(i).effectiveFrom().toEpochDay();
                    perHour[i] = list.get(i).perHour();
                }
                effectiveDays.put(person, days);
                amounts.put(person, perHour);
            });
        }

        BigDecimal rate(String person, LocalDate date) {
            long[] days = effectiveDays.get(person);
            if (days == null) {
                return BigDecimal.ZERO;
            }
            int at = Arrays.binarySearch(days, date.toEpochDay());
            int found = at >= 0 ? at : -at - 2;
            return found < 0 ? BigDecimal.ZERO : amounts.get(person)[found];
        }
    }
}
