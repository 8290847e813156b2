package org.gantry.interchange;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.gantry.engine.earnedvalue.CostRate;
import org.gantry.engine.earnedvalue.EarnedValueAnalysis;
import org.gantry.engine.earnedvalue.EarnedValueReport;
import org.gantry.engine.earnedvalue.ReportingPeriod;
import org.gantry.engine.earnedvalue.TaskBudget;
import org.gantry.engine.earnedvalue.TimeEntry;
import org.gantry.engine.earnedvalue.WorkingDays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Earned value of a 10,000-task project (500 summary tasks of 19 tasks each, 1 to 15 working days, budgets
 * of 100 to 20,000) with 200 people who each logged two entries (5 h and 3 h) on every working day of a
 * year, at rates that change once mid-year: about 104,000 time entries. Status date at the end of that
 * year, S-curve by week. Target: under 1 s.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:ActiveProcessorCount=1"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EarnedValueBenchmark {
    static final LocalDate START = LocalDate.of(2026, 1, 5);

    @State(Scope.Benchmark)
    public static class Project {
        List<TaskBudget> tasks;
        List<CostRate> rates;
        List<TimeEntry> entries;

        @Setup(Level.Trial)
        public void generate() {
            Random random = new Random(14);
            tasks = new ArrayList<>();
            List<String> leaves = new ArrayList<>();
            for (int summary = 0; summary < 500; summary++) {
                String summaryId = "S" + summary;
                LocalDate summaryStart = START.plusDays(random.nextInt(300));
                tasks.add(new TaskBudget(
                        summaryId, null, summaryStart, summaryStart.plusDays(30), BigDecimal.ZERO, BigDecimal.ZERO));
                for (int child = 0; child < 19; child++) {
                    LocalDate start = summaryStart.plusDays(random.nextInt(20));
                    String id = summaryId + "." + child;
                    tasks.add(new TaskBudget(
                            id,
                            summaryId,
                            start,
                            start.plusDays(1 + random.nextInt(20)),
                            BigDecimal.valueOf(100 + random.nextInt(19_901)),
                            BigDecimal.valueOf(random.nextInt(101))));
                    leaves.add(id);
                }
            }
            rates = new ArrayList<>();
            entries = new ArrayList<>();
            for (int person = 0; person < 200; person++) {
                String name = "P" + person;
                rates.add(new CostRate(name, START.minusYears(1), BigDecimal.valueOf(40 + person % 60)));
                rates.add(new CostRate(name, START.plusDays(180), BigDecimal.valueOf(45 + person % 60)));
                for (LocalDate day = START; day.isBefore(START.plusYears(1)); day = day.plusDays(1)) {
                    if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                        continue;
                    }
                    entries.add(new TimeEntry(
                            name, leaves.get(random.nextInt(leaves.size())), day, new BigDecimal("5")));
                    entries.add(new TimeEntry(
                            name, leaves.get(random.nextInt(leaves.size())), day, new BigDecimal("3")));
                }
            }
        }
    }

    @Benchmark
    public EarnedValueReport projectEarnedValue(Project project) {
        return EarnedValueAnalysis.analyse(
                project.tasks,
                project.rates,
                project.entries,
                WorkingDays.mondayToFriday(),
                START.plusYears(1).minusDays(1),
                ReportingPeriod.WEEK);
    }
}
