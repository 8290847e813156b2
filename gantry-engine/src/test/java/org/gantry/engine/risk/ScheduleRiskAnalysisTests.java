package org.gantry.engine.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.gantry.engine.ConstraintType;
import org.gantry.engine.Link;
import org.gantry.engine.LinkType;
import org.gantry.engine.ProjectNetwork;
import org.gantry.engine.Schedule;
import org.gantry.engine.ScheduledTask;
import org.gantry.engine.Task;
import org.gantry.engine.TaskId;
import org.gantry.engine.WorkDuration;
import org.gantry.engine.WorkingCalendar;
import org.gantry.engine.risk.ScheduleRiskResult.SensitivityDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Monte Carlo results against what can be computed by hand: no spread, sums, maxima, shares. */
class ScheduleRiskAnalysisTests {
    private static final LocalDateTime START = LocalDateTime.of(2024, 3, 4, 8, 0);
    private static final double DAY = 480;
    private static final SimulationSettings NO_SPREAD = SimulationSettings.DEFAULTS
            .withDefaultSpread(Distribution.TRIANGULAR, 1, 1)
            .withIterations(500);

    private static TaskId id(String value) {
        return TaskId.of(value);
    }

    /** Tasks T1..Tn of {@code days} each, finish-to-start. */
    private static ProjectNetwork chainOf(int count, double days) {
        List<Task> tasks = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            tasks.add(Task.of("T" + i, WorkDuration.days(days)));
            if (i > 1) {
                links.add(Link.finishStart(id("T" + (i - 1)), id("T" + i)));
            }
        }
        return ProjectNetwork.of(START, tasks, links);
    }

    /** A and B side by side from the start, both ahead of milestone M. */
    private static ProjectNetwork merge(double days) {
        return ProjectNetwork.of(
                START,
                List.of(
                        Task.of("A", WorkDuration.days(days)),
                        Task.of("B", WorkDuration.days(days)),
                        Task.milestone(id("M"))),
                List.of(Link.finishStart(id("A"), id("M")), Link.finishStart(id("B"), id("M"))));
    }

    /** Several link types, a lag and a lead, a summary, a constraint and a holiday. */
    private static ProjectNetwork mixedNetwork() {
        WorkingCalendar standard = WorkingCalendar.standard().withHolidays(LocalDate.of(2024, 3, 8));
        List<Task> tasks = List.of(
                Task.of("A", WorkDuration.days(2)),
                Task.summary(id("S")),
                Task.of("S1", WorkDuration.days(3)).withParent(id("S")),
                Task.of("S2", WorkDuration.days(1)).withParent(id("S")),
                Task.of("B", WorkDuration.days(2)),
                Task.of("C", WorkDuration.days(1))
                        .withConstraint(ConstraintType.START_NO_EARLIER_THAN, START.plusDays(14)),
                Task.of("D", WorkDuration.days(4)),
                Task.milestone(id("M")));
        List<Link> links = List.of(
                Link.finishStart(id("A"), id("S")),
                Link.of(id("S1"), id("S2"), LinkType.START_START, WorkDuration.days(1)),
                Link.of(id("S"), id("B"), LinkType.FINISH_START, WorkDuration.hours(4)),
                Link.finishStart(id("A"), id("C")),
                Link.of(id("B"), id("D"), LinkType.FINISH_FINISH, WorkDuration.days(1)),
                Link.of(id("C"), id("M"), LinkType.FINISH_START, WorkDuration.days(-0.5)),
                Link.finishStart(id("D"), id("M")));
        return new ProjectNetwork(START, standard.id(), List.of(standard), tasks, links, null, null);
    }

    @Test
    void withoutSpreadEveryRunIsTheDeterministicSchedule() {
        ProjectNetwork network = mixedNetwork();
        Schedule schedule = org.gantry.engine.Scheduler.schedule(network);

        ScheduleRiskResult result = ScheduleRiskAnalysis.run(network, List.of(), List.of(), NO_SPREAD);

        assertThat(List.of(result.p10(), result.p50(), result.p80(), result.p90()))
                .containsOnly(schedule.projectFinish());
        assertThat(result.scheduledFinish()).isEqualTo(schedule.projectFinish());
        assertThat(result.standardDeviationMinutes()).isZero();
        assertThat(result.meanMinutes()).isEqualTo(result.scheduledMinutes());
        assertThat(result.probabilityOfScheduledFinish()).isEqualTo(1.0);
        assertThat(result.finishDays()).singleElement().satisfies(day -> {
            assertThat(day.date()).isEqualTo(schedule.projectFinish().toLocalDate());
            assertThat(day.cumulativeProbability()).isEqualTo(1.0);
        });
        for (ScheduleRiskResult.TaskCriticality entry : result.criticality()) {
            ScheduledTask task = schedule.task(entry.task());
            assertThat(entry.criticalityIndex())
                    .as("criticality of " + task.id())
                    .isEqualTo(task.critical() ? 1.0 : 0.0);
        }
        assertThat(result.criticality())
                .extracting(ScheduleRiskResult.TaskCriticality::criticalityIndex)
                .contains(0.0, 1.0);
    }

    @Test
    void estimatesWithoutSpreadEqualToTheDurationsAlsoGiveTheSchedule() {
        ProjectNetwork network = chainOf(4, 2);
        List<DurationEstimate> estimates =
                List.of(DurationEstimate.fixed(id("T1"), 2 * DAY), DurationEstimate.fixed(id("T3"), 2 * DAY));

        ScheduleRiskResult result = ScheduleRiskAnalysis.run(network, estimates, List.of(), NO_SPREAD);

        assertThat(result.p90()).isEqualTo(LocalDateTime.of(2024, 3, 13, 17, 0));
        assertThat(result.p10()).isEqualTo(result.p90());
    }

    @ParameterizedTest
    @EnumSource(Distribution.class)
    void aSerialChainHasTheSumOfItsTasksMeansAndVariances(Distribution distribution) {
        int count = 10;
        double a = 2 * DAY;
        double m = 3 * DAY;
        double b = 6 * DAY;
        List<DurationEstimate> estimates = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            estimates.add(new DurationEstimate(id("T" + i), a, m, b, distribution));
        }
        double mean;
        double variance;
        switch (distribution) {
            case TRIANGULAR -> {
                mean = (a + m + b) / 3;
                variance = (a * a + m * m + b * b - a * m - a * b - m * b) / 18;
            }
            case PERT -> {
                mean = (a + 4 * m + b) / 6;
                variance = (mean - a) * (b - mean) / 7;
            }
            case UNIFORM -> {
                mean = (a + b) / 2;
                variance = (b - a) * (b - a) / 12;
            }
            default -> {
                mean = (a + 4 * m + b) / 6;
                variance = (b - a) * (b - a) / 36;
            }
        }

        ScheduleRiskResult result = ScheduleRiskAnalysis.run(
                chainOf(count, 3), estimates, List.of(), SimulationSettings.DEFAULTS.withIterations(100_000));

        double sampledVariance = result.standardDeviationMinutes() * result.standardDeviationMinutes();
        assertThat(result.meanMinutes()).isCloseTo(count * mean, within(0.01 * count * mean));
        assertThat(sampledVariance).isCloseTo(count * variance, within(0.01 * count * variance));
    }

    @Test
    void twoParallelTasksMergingFinishLaterThanEitherOnAverage() {
        // The expected maximum of two independent uniforms on [a, b] is a + 2 (b - a) / 3, not (a + b) / 2.
        double a = 4 * DAY;
        double b = 10 * DAY;
        List<DurationEstimate> estimates = List.of(
                new DurationEstimate(id("A"), a, 7 * DAY, b, Distribution.UNIFORM),
                new DurationEstimate(id("B"), a, 7 * DAY, b, Distribution.UNIFORM));

        ScheduleRiskResult result = ScheduleRiskAnalysis.run(
                merge(7), estimates, List.of(), SimulationSettings.DEFAULTS.withIterations(100_000));

        double expected = a + 2 * (b - a) / 3;
        assertThat(result.meanMinutes()).isCloseTo(expected, within(0.01 * expected));
        assertThat(result.meanMinutes()).isGreaterThan(result.scheduledMinutes() + DAY);
        assertThat(result.criticalityOf(id("A")).criticalityIndex()).isCloseTo(0.5, within(0.01));
        assertThat(result.criticalityOf(id("B")).criticalityIndex()).isCloseTo(0.5, within(0.01));
        assertThat(result.criticalityOf(id("M")).criticalityIndex()).isEqualTo(1.0);
        // Half the runs finish within the deterministic seven days only when both tasks do: a quarter.
        assertThat(result.probabilityOfScheduledFinish()).isCloseTo(0.25, within(0.01));
    }

    @Test
    void triangularMergeBiasMatchesTheExpectedMaximum() {
        // Two independent symmetric triangulars on [0, 2] (mode 1), in days: E[max] = 1 + 7/30.
        List<DurationEstimate> estimates = List.of(
                new DurationEstimate(id("A"), 0, DAY, 2 * DAY, Distribution.TRIANGULAR),
                new DurationEstimate(id("B"), 0, DAY, 2 * DAY, Distribution.TRIANGULAR));

        ScheduleRiskResult result = ScheduleRiskAnalysis.run(
                merge(1), estimates, List.of(), SimulationSettings.DEFAULTS.withIterations(100_000));

        double expected = DAY * (1 + 7.0 / 30);
        assertThat(result.meanMinutes()).isCloseTo(expected, within(0.01 * expected));
    }

    @Test
    void perfectlyCorrelatedParallelTasksHaveNoMergeBias() {
        // Always the same quantile of the same distribution: the maximum is either, mean (a + b) / 2.
        double a = 4 * DAY;
        double b = 10 * DAY;
        List<DurationEstimate> estimates = List.of(
                new DurationEstimate(id("A"), a, 7 * DAY, b, Distribution.UNIFORM),
                new DurationEstimate(id("B"), a, 7 * DAY, b, Distribution.UNIFORM));
        List<CorrelatedTasks> together = List.of(new CorrelatedTasks(List.of(id("A"), id("B")), 1));

        ScheduleRiskResult result = ScheduleRiskAnalysis.run(
                org.gantry.engine.SimulationNetwork.of(merge(7)),
                estimates,
                List.of(),
                together,
                SimulationSettings.DEFAULTS.withIterations(100_000));

        assertThat(result.meanMinutes()).isCloseTo((a + b) / 2, within(0.01 * (a + b) / 2));
    }

    @Test
    void perfectlyCorrelatedPertTasksKeepThePertMean() {
        double a = 2 * DAY;
        double m = 3 * DAY;
        double b = 9 * DAY;
        List<DurationEstimate> estimates = List.of(
                new DurationEstimate(id("A"), a, m, b, Distribution.PERT),
                new DurationEstimate(id("B"), a, m, b, Distribution.PERT));
        List<CorrelatedTasks> together = List.of(new CorrelatedTasks(List.of(id("A"), id("B")), 1));

        ScheduleRiskResult result = ScheduleRiskAnalysis.run(
                org.gantry.engine.SimulationNetwork.of(merge(3)),
                estimates,
                List.of(),
                together,
                SimulationSettings.DEFAULTS.withIterations(100_000));

        double mean = (a + 4 * m + b) / 6;
        double deviation = Math.sqrt((mean - a) * (b - mean) / 7);
        assertThat(result.meanMinutes()).isCloseTo(mean, within(0.01 * mean));
        assertThat(result.standardDeviationMinutes()).isCloseTo(deviation, within(0.02 * deviation));
    }

    @Test
    void correlatedTasksInAChainAddTheirCovariances() {
        // Uniforms from normal scores correlated 0.5 correlate (6 / pi) asin(0.25) with each other, so the
        // variance of a sum of n of them is n s^2 (1 + (n - 1) r).
        int count = 10;
        double a = 2 * DAY;
        double b = 6 * DAY;
        List<DurationEstimate> estimates = new ArrayList<>();
        List<TaskId> all = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            estimates.add(new DurationEstimate(id("T" + i), a, 4 * DAY, b, Distribution.UNIFORM));
            all.add(id("T" + i));
        }
        double correlation = 6 / Math.PI * Math.asin(0.25);
        double variance = count * (b - a) * (b - a) / 12 * (1 + (count - 1) * correlation);

        ScheduleRiskResult result = ScheduleRiskAnalysis.run(
                org.gantry.engine.SimulationNetwork.of(chainOf(count, 4)),
                estimates,
                List.of(),
                List.of(new CorrelatedTasks(all, 0.5)),
                SimulationSettings.DEFAULTS.withIterations(100_000));

        double sampled = result.standardDeviationMinutes() * result.standardDeviationMinutes();
        assertThat(result.meanMinutes()).isCloseTo(count * (a + b) / 2, within(0.01 * count * (a + b) / 2));
        assertThat(sampled).isCloseTo(variance, within(0.02 * variance));
        assertThat(variance).isGreaterThan(2 * count * (b - a) * (b - a) / 12);
    }

    @Test
    void aTaskInTwoCorrelationGroupsIsRefused() {
        List<CorrelatedTasks> groups = List.of(
                new CorrelatedTasks(List.of(id("T1"), id("T2")), 0.5), new CorrelatedTasks(List.of(id("T2")), 0.3));

        assertThatThrownBy(() -> ScheduleRiskAnalysis.run(
                        org.gantry.engine.SimulationNetwork.of(chainOf(2, 1)), List.of(), List.of(), groups, NO_SPREAD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("T2");
    }

    @Test
    void theSameSeedGivesTheSameResultsAndAnotherSeedOthers() {
        List<RiskEvent> risks = List.of(new RiskEvent("R1", id("T2"), 0.3, 2 * DAY));
        SimulationSettings settings = SimulationSettings.DEFAULTS
                .withDefaultSpread(Distribution.PERT, 0.8, 1.5)
                .withIterations(5_000)
                .withSeed(42);

        ScheduleRiskResult first = ScheduleRiskAnalysis.run(mixedNetworkChain(), List.of(), risks, settings);
        ScheduleRiskResult second = ScheduleRiskAnalysis.run(mixedNetworkChain(), List.of(), risks, settings);
        ScheduleRiskResult other =
                ScheduleRiskAnalysis.run(mixedNetworkChain(), List.of(), risks, settings.withSeed(43));

        assertThat(second).isEqualTo(first);
        assertThat(other.meanMinutes()).isNotEqualTo(first.meanMinutes());
    }

    @Test
    void progressIsToldInChunksUpToEveryRunAndDoesNotChangeTheResult() {
        List<RiskEvent> risks = List.of(new RiskEvent("R1", id("T2"), 0.3, 2 * DAY));
        SimulationSettings settings = SimulationSettings.DEFAULTS
                .withDefaultSpread(Distribution.PERT, 0.8, 1.5)
                .withIterations(5_000)
                .withSeed(42);
        List<Integer> told = new ArrayList<>();

        ScheduleRiskResult listened = ScheduleRiskAnalysis.run(
                org.gantry.engine.SimulationNetwork.of(mixedNetworkChain()),
                List.of(),
                risks,
                List.of(),
                settings,
                (completed, total) -> {
                    assertThat(total).isEqualTo(5_000);
                    told.add(completed);
                    return true;
                });

        assertThat(listened).isEqualTo(ScheduleRiskAnalysis.run(mixedNetworkChain(), List.of(), risks, settings));
        // A hundredth of the runs per chunk: 50, 100, ... 4,950, then all 5,000.
        assertThat(told).hasSize(100).isSorted().startsWith(50, 100).endsWith(4_950, 5_000);
    }

    @Test
    void answeringNoStopsTheAnalysis() {
        SimulationSettings settings = SimulationSettings.DEFAULTS.withIterations(10_000);

        assertThatThrownBy(() -> ScheduleRiskAnalysis.run(
                        org.gantry.engine.SimulationNetwork.of(chainOf(3, 2)),
                        List.of(),
                        List.of(),
                        List.of(),
                        settings,
                        (completed, total) -> completed < 3_000))
                .isInstanceOf(SimulationCancelled.class)
                .hasMessage("analysis stopped after 3000 runs");
    }

    private static ProjectNetwork mixedNetworkChain() {
        return chainOf(5, 3);
    }

    @Test
    void theDeadlineProbabilityIsTheShareOfRunsFinishingByIt() {
        // One task of 4 to 8 days, uniform: the end of day 6 (Monday 11 March 17:00) is met in half the runs.
        List<DurationEstimate> estimates =
                List.of(new DurationEstimate(id("T1"), 4 * DAY, 6 * DAY, 8 * DAY, Distribution.UNIFORM));
        SimulationSettings settings =
                SimulationSettings.DEFAULTS.withIterations(100_000).withDeadline(LocalDateTime.of(2024, 3, 11, 17, 0));

        ScheduleRiskResult result = ScheduleRiskAnalysis.run(chainOf(1, 6), estimates, List.of(), settings);

        assertThat(result.deadlineProbability()).isCloseTo(0.5, within(0.01));
        // P10 is 4.4 days (day 5, Friday 8 March), P80 7.2 and P90 7.6 days (day 8, Wednesday 13 March).
        assertThat(result.p10().toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 8));
        assertThat(result.p80().toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 13));
        assertThat(result.p80()).isBefore(result.p90());
        assertThat(result.p90().toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 13));
        assertThat(result.finishDays().get(result.finishDays().size() - 1).cumulativeProbability())
                .isEqualTo(1.0);
        assertThat(result.finishDays())
                .extracting(ScheduleRiskResult.FinishDay::date)
                .containsExactly( // days 5 to 8: more than four days of work ends on the fifth at the earliest
                        LocalDate.of(2024, 3, 8),
                        LocalDate.of(2024, 3, 11),
                        LocalDate.of(2024, 3, 12),
                        LocalDate.of(2024, 3, 13));
    }

    @Test
    void eachMilestoneHasItsOwnDistribution() {
        // T1 (4 to 8 days, uniform) then milestone M then T2 (2 days, fixed): M is reached at the end of T1.
        ProjectNetwork network = ProjectNetwork.of(
                START,
                List.of(
                        Task.of("T1", WorkDuration.days(6)),
                        Task.milestone(id("M")),
                        Task.of("T2", WorkDuration.days(2))),
                List.of(Link.finishStart(id("T1"), id("M")), Link.finishStart(id("M"), id("T2"))));
        List<DurationEstimate> estimates =
                List.of(new DurationEstimate(id("T1"), 4 * DAY, 6 * DAY, 8 * DAY, Distribution.UNIFORM));

        ScheduleRiskResult result = ScheduleRiskAnalysis.run(
                network, estimates, List.of(), SimulationSettings.DEFAULTS.withIterations(100_000));

        assertThat(result.milestones()).singleElement().satisfies(milestone -> {
            assertThat(milestone.task()).isEqualTo(id("M"));
            assertThat(milestone.scheduledFinish()).isEqualTo(LocalDateTime.of(2024, 3, 11, 17, 0));
            assertThat(milestone.probabilityOnTime()).isCloseTo(0.5, within(0.01));
            assertThat(milestone.p10().toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 8));
            assertThat(milestone.p90().toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 13));
            // Its own histogram and cumulative curve: every run counted once, by day, in order.
            List<ScheduleRiskResult.FinishDay> days = milestone.finishDays();
            assertThat(days.stream()
                            .mapToInt(ScheduleRiskResult.FinishDay::runs)
                            .sum())
                    .isEqualTo(100_000);
            assertThat(days.get(days.size() - 1).cumulativeProbability()).isEqualTo(1.0);
            assertThat(days).isSortedAccordingTo(java.util.Comparator.comparing(ScheduleRiskResult.FinishDay::date));
            assertThat(days.get(0).date()).isEqualTo(LocalDate.of(2024, 3, 8));
            assertThat(days.get(days.size() - 1).date()).isEqualTo(LocalDate.of(2024, 3, 13));
            double onTime = days.stream()
                    .filter(day -> !day.date().isAfter(LocalDate.of(2024, 3, 11)))
                    .mapToDouble(ScheduleRiskResult.FinishDay::probability)
                    .sum();
            assertThat(onTime).isCloseTo(milestone.probabilityOnTime(), within(1e-9));
        });
        // The project finishes two days after the milestone in every run.
        assertThat(result.p90().toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 15));
    }

    @Test
    void withoutSpreadAMilestoneKeepsItsScheduledDate() {
        ScheduleRiskResult result = ScheduleRiskAnalysis.run(mixedNetwork(), List.of(), List.of(), NO_SPREAD);
        Schedule schedule = org.gantry.engine.Scheduler.schedule(mixedNetwork());

        assertThat(result.milestones()).singleElement().satisfies(milestone -> {
            assertThat(milestone.p10()).isEqualTo(schedule.task("M").earlyFinish());
            assertThat(milestone.p90()).isEqualTo(schedule.task("M").earlyFinish());
            assertThat(milestone.probabilityOnTime()).isEqualTo(1.0);
            assertThat(milestone.finishDays()).singleElement().satisfies(day -> {
                assertThat(day.date())
                        .isEqualTo(schedule.task("M").earlyFinish().toLocalDate());
                assertThat(day.cumulativeProbability()).isEqualTo(1.0);
            });
        });
    }

    @Test
    void aRiskDelaysTheFinishInTheShareOfRunsItOccursIn() {
        List<RiskEvent> risks = List.of(new RiskEvent("supplier late", id("T2"), 0.3, 5 * DAY));

        ScheduleRiskResult result =
                ScheduleRiskAnalysis.run(chainOf(3, 2), List.of(), risks, NO_SPREAD.withIterations(100_000));

        assertThat(result.probabilityOfScheduledFinish()).isCloseTo(0.7, within(0.01));
        assertThat(result.meanMinutes()).isCloseTo(6 * DAY + 0.3 * 5 * DAY, within(0.01 * 7.5 * DAY));
        assertThat(result.p50()).isEqualTo(result.scheduledFinish());
        assertThat(result.p80()).isEqualTo(LocalDateTime.of(2024, 3, 18, 17, 0));
        assertThat(result.sensitivity()).singleElement().satisfies(driver -> {
            assertThat(driver.risk()).isEqualTo("supplier late");
            assertThat(driver.rankCorrelation()).isCloseTo(1.0, within(1e-9));
        });
    }

    @Test
    void theTornadoPutsTheWidestEstimateFirst() {
        List<DurationEstimate> estimates = List.of(
                new DurationEstimate(id("T1"), 1 * DAY, 2 * DAY, 3 * DAY, Distribution.TRIANGULAR),
                new DurationEstimate(id("T2"), 2 * DAY, 4 * DAY, 20 * DAY, Distribution.PERT),
                new DurationEstimate(id("T3"), 1.9 * DAY, 2 * DAY, 2.1 * DAY, Distribution.UNIFORM));

        ScheduleRiskResult result = ScheduleRiskAnalysis.run(
                chainOf(3, 2), estimates, List.of(), SimulationSettings.DEFAULTS.withIterations(20_000));

        List<SensitivityDriver> tornado = result.sensitivity();
        assertThat(tornado).extracting(SensitivityDriver::task).containsExactly(id("T2"), id("T1"), id("T3"));
        assertThat(tornado.get(0).rankCorrelation()).isGreaterThan(0.9);
        assertThat(tornado.get(2).rankCorrelation()).isBetween(0.0, 0.1);
    }

    @Test
    void anEstimateForASummaryIsRefused() {
        DurationEstimate onSummary = DurationEstimate.fixed(id("S"), DAY);

        assertThatThrownBy(() -> ScheduleRiskAnalysis.run(mixedNetwork(), List.of(onSummary), List.of(), NO_SPREAD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("task S");
        assertThatThrownBy(() -> new DurationEstimate(id("A"), 3, 2, 4, Distribution.PERT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
