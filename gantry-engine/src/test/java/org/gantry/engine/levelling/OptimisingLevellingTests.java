package org.gantry.engine.levelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OptimisingLevellingTests {
    private static final LevellingSettings UNHURRIED = new LevellingSettings(7, 5_000, Duration.ofSeconds(30));

    @Test
    void tasksThatEachNeedTheWholeResourceRunOneAfterTheOther() {
        ResourceConstrainedProject project = new ResourceConstrainedProject(
                List.of(task(3, List.of(), 2), task(4, List.of(), 2), task(2, List.of(), 2)), List.of(2));

        LevelledSchedule schedule = OptimisingLevelling.level(project, UNHURRIED);

        assertThat(schedule.makespan()).isEqualTo(9);
        assertFeasible(project, schedule);
        assertThat(schedule.provedShortest()).isTrue();
    }

    @Test
    void tasksThatFitTogetherRunInParallel() {
        ResourceConstrainedProject project = new ResourceConstrainedProject(
                List.of(task(3, List.of(), 1), task(4, List.of(), 1), task(2, List.of(), 1)), List.of(3));

        LevelledSchedule schedule = OptimisingLevelling.level(project, UNHURRIED);

        assertThat(schedule.starts()).containsExactly(0, 0, 0);
        assertThat(schedule.makespan()).isEqualTo(4);
    }

    @Test
    void linksAreKeptEvenWhenResourcesAreFree() {
        ResourceConstrainedProject project = new ResourceConstrainedProject(
                List.of(task(3, List.of(1), 0), task(4, List.of(2), 0), task(2, List.of(), 0)), List.of(1));

        LevelledSchedule schedule = OptimisingLevelling.level(project, UNHURRIED);

        assertThat(schedule.starts()).containsExactly(0, 3, 7);
        assertThat(schedule.makespan()).isEqualTo(9);
    }

    /**
     * The latest-finish rule starts the long task that is not critical without resources late and then
     * has to wait for it: here the rule alone finishes at 10; the optimum is 8, the resource's work (16
     * units) over its capacity (2).
     */
    @Test
    void beatsTheLatestFinishRuleWhereItIsShortSighted() {
        ResourceConstrainedProject project = new ResourceConstrainedProject(
                List.of(task(2, List.of(1), 1), task(2, List.of(), 2), task(6, List.of(), 1), task(4, List.of(), 1)),
                List.of(2));
        Network network = new Network(project);
        int[] byRule = new PriorityRules(network).list(new PriorityRules(network).latestFinish(), null);
        int ruleMakespan = new SerialGeneration(network).forward(byRule, new int[4]);

        LevelledSchedule schedule = OptimisingLevelling.level(project, UNHURRIED);

        assertFeasible(project, schedule);
        assertThat(ruleMakespan).isEqualTo(10);
        assertThat(schedule.makespan()).isEqualTo(8).isEqualTo(bruteForceShortest(project));
        assertThat(schedule.provedShortest()).isTrue();
    }

    @Test
    void findsTheShortestScheduleOfSmallRandomProjects() {
        SplittableRandom random = new SplittableRandom(12);
        for (int trial = 0; trial < 40; trial++) {
            ResourceConstrainedProject project = randomProject(random, 5 + random.nextInt(2), 2, 4);

            LevelledSchedule schedule = OptimisingLevelling.level(project, UNHURRIED);

            assertFeasible(project, schedule);
            assertThat(schedule.makespan()).as("trial %d: %s", trial, project).isEqualTo(bruteForceShortest(project));
        }
    }

    @Test
    void everyScheduleOfLargerRandomProjectsIsFeasible() {
        SplittableRandom random = new SplittableRandom(99);
        for (int trial = 0; trial < 10; trial++) {
            ResourceConstrainedProject project = randomProject(random, 80, 4, 6);

            LevelledSchedule schedule = OptimisingLevelling.level(project, UNHURRIED.withScheduleLimit(2_000));

            assertFeasible(project, schedule);
            assertThat(schedule.makespan()).isGreaterThanOrEqualTo(schedule.lowerBound());
        }
    }

    @Test
    void theSameSeedGivesTheSameSchedule() {
        ResourceConstrainedProject project = randomProject(new SplittableRandom(5), 60, 4, 6);
        LevellingSettings settings = new LevellingSettings(42, 3_000, Duration.ofSeconds(60));

        LevelledSchedule first = OptimisingLevelling.level(project, settings);
        LevelledSchedule second = OptimisingLevelling.level(project, settings);

        assertThat(second).isEqualTo(first);
        assertThat(first.schedulesGenerated()).isBetween(1, 3_000 + 20);
    }

    @Test
    void stopsAtTheScheduleLimit() {
        ResourceConstrainedProject project = randomProject(new SplittableRandom(8), 60, 4, 6);

        LevelledSchedule schedule = OptimisingLevelling.level(project, UNHURRIED.withScheduleLimit(300));

        assertFeasible(project, schedule);
        // The limit is checked after each individual, whose justification adds a few passes.
        assertThat(schedule.schedulesGenerated()).isBetween(1, 300 + 20);
    }

    @Test
    void refusesADemandAboveTheCapacity() {
        assertThatThrownBy(() -> new ResourceConstrainedProject(List.of(task(2, List.of(), 3)), List.of(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs 3 units of resource 0");
    }

    @Test
    void refusesLinksThatFormACycle() {
        assertThatThrownBy(() -> new ResourceConstrainedProject(
                        List.of(task(1, List.of(1), 0), task(1, List.of(0), 0)), List.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cycle");
    }

    @Test
    void anEmptyProjectFinishesAtZero() {
        LevelledSchedule schedule = OptimisingLevelling.level(new ResourceConstrainedProject(List.of(), List.of(1)));

        assertThat(schedule.makespan()).isZero();
    }

    private static LevellingTask task(int duration, List<Integer> successors, int demand) {
        return new LevellingTask(duration, successors, List.of(demand));
    }

    /** Links only go forward (from a lower to a higher index), so the network has no cycle. */
    static ResourceConstrainedProject randomProject(SplittableRandom random, int tasks, int resources, int capacity) {
        List<LevellingTask> list = new ArrayList<>();
        for (int task = 0; task < tasks; task++) {
            List<Integer> successors = new ArrayList<>();
            for (int other = task + 1; other < tasks; other++) {
                if (random.nextInt(tasks) < 2) {
                    successors.add(other);
                }
            }
            List<Integer> demands = new ArrayList<>();
            for (int resource = 0; resource < resources; resource++) {
                demands.add(random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(capacity));
            }
            list.add(new LevellingTask(1 + random.nextInt(5), successors, demands));
        }
        List<Integer> capacities = new ArrayList<>();
        for (int resource = 0; resource < resources; resource++) {
            capacities.add(capacity);
        }
        return new ResourceConstrainedProject(list, capacities);
    }

    /** Checks links and every capacity at every time unit, from the project's values alone. */
    static void assertFeasible(ResourceConstrainedProject project, LevelledSchedule schedule) {
        assertThat(schedule.starts()).hasSize(project.tasks().size());
        int finish = 0;
        for (int task = 0; task < project.tasks().size(); task++) {
            LevellingTask levellingTask = project.tasks().get(task);
            int end = schedule.start(task) + levellingTask.duration();
            assertThat(schedule.start(task)).isNotNegative();
            finish = Math.max(finish, end);
            for (int successor : levellingTask.successors()) {
                assertThat(schedule.start(successor))
                        .as("task %d starts after its predecessor %d finishes", successor, task)
                        .isGreaterThanOrEqualTo(end);
            }
        }
        assertThat(schedule.makespan()).isEqualTo(finish);
        for (int time = 0; time < finish; time++) {
            for (int resource = 0; resource < project.capacities().size(); resource++) {
                int inUse = 0;
                for (int task = 0; task < project.tasks().size(); task++) {
                    LevellingTask levellingTask = project.tasks().get(task);
                    if (schedule.start(task) <= time && time < schedule.start(task) + levellingTask.duration()) {
                        inUse += levellingTask.demands().get(resource);
                    }
                }
                assertThat(inUse)
                        .as("resource %d at time %d", resource, time)
                        .isLessThanOrEqualTo(project.capacities().get(resource));
            }
        }
    }

    /**
     * The shortest makespan by trying every start time of every task up to the serial length (depth
     * first, cut when a partial schedule already breaks a link or a capacity or is no shorter than the
     * best so far). Independent of the leveller: no activity lists, no schedule-generation scheme.
     */
    static int bruteForceShortest(ResourceConstrainedProject project) {
        int tasks = project.tasks().size();
        int horizon = project.tasks().stream().mapToInt(LevellingTask::duration).sum();
        int[] best = {horizon};
        search(project, new int[tasks], 0, horizon, best);
        return best[0];
    }

    private static void search(ResourceConstrainedProject project, int[] start, int placed, int horizon, int[] best) {
        if (placed == start.length) {
            int finish = 0;
            for (int task = 0; task < start.length; task++) {
                finish =
                        Math.max(finish, start[task] + project.tasks().get(task).duration());
            }
            best[0] = Math.min(best[0], finish);
            return;
        }
        LevellingTask task = project.tasks().get(placed);
        for (int time = 0; time + task.duration() < best[0] || (time == 0 && task.duration() == 0); time++) {
            start[placed] = time;
            if (consistent(project, start, placed)) {
                search(project, start, placed + 1, horizon, best);
            }
        }
    }

    private static boolean consistent(ResourceConstrainedProject project, int[] start, int placed) {
        for (int task = 0; task <= placed; task++) {
            for (int successor : project.tasks().get(task).successors()) {
                if (successor <= placed
                        && start[successor]
                                < start[task] + project.tasks().get(task).duration()) {
                    return false;
                }
            }
        }
        LevellingTask newest = project.tasks().get(placed);
        for (int time = start[placed]; time < start[placed] + newest.duration(); time++) {
            for (int resource = 0; resource < project.capacities().size(); resource++) {
                int inUse = 0;
                for (int task = 0; task <= placed; task++) {
                    if (start[task] <= time
                            && time < start[task] + project.tasks().get(task).duration()) {
                        inUse += project.tasks().get(task).demands().get(resource);
                    }
                }
                if (inUse > project.capacities().get(resource)) {
                    return false;
                }
            }
        }
        return true;
    }
}
