package org.gantry.interchange;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gantry.engine.levelling.LevellableTask;
import org.gantry.engine.levelling.LevellingOrder;
import org.gantry.engine.levelling.LevellingResource;
import org.gantry.engine.levelling.LevellingTask;
import org.gantry.engine.levelling.ProjectLevelling;
import org.gantry.engine.levelling.ProjectLevellingOptions;
import org.gantry.engine.levelling.ProjectLevellingResult;
import org.gantry.engine.levelling.ResourceConstrainedProject;
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
 * Microsoft-Project-compatible levelling (what the server's "Level resources" runs in its STANDARD mode) of
 * the same generated 2,000-task, 50-resource project as {@link LevellingBenchmark}: days as time units,
 * the tasks at their unlevelled early starts with their total slack (a forward and a backward pass),
 * resource units as percentages (a capacity of 4 is 400 %). {@code standardOrder} and
 * {@code priorityThenStandard} level everything; {@code withinSlack} levels only within total slack, so
 * much is left unresolved. Each prints the finish before and after and the counts once.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:ActiveProcessorCount=1"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ProjectLevellingBenchmark {
    @State(Scope.Benchmark)
    public static class Plan {
        List<LevellableTask> tasks;
        List<LevellingResource> resources;

        @Setup(Level.Trial)
        public void generate() {
            ResourceConstrainedProject project = LevellingBenchmark.generated(2_000, 50, 12);
            int count = project.tasks().size();
            List<List<Integer>> predecessors = new ArrayList<>();
            for (int task = 0; task < count; task++) {
                predecessors.add(new ArrayList<>());
            }
            for (int task = 0; task < count; task++) {
                for (int successor : project.tasks().get(task).successors()) {
                    predecessors.get(successor).add(task);
                }
            }
            // Links only go forward in the generated project, so task order is a topological order.
            int[] early = new int[count];
            int finish = 0;
            for (int task = 0; task < count; task++) {
                for (int predecessor : predecessors.get(task)) {
                    early[task] = Math.max(
                            early[task],
                            early[predecessor] + project.tasks().get(predecessor).duration());
                }
                finish = Math.max(finish, early[task] + project.tasks().get(task).duration());
            }
            int[] late = new int[count];
            for (int task = count - 1; task >= 0; task--) {
                LevellingTask levelling = project.tasks().get(task);
                int lateFinish = finish;
                for (int successor : levelling.successors()) {
                    lateFinish = Math.min(lateFinish, late[successor]);
                }
                late[task] = lateFinish - levelling.duration();
            }
            tasks = new ArrayList<>();
            for (int task = 0; task < count; task++) {
                LevellingTask levelling = project.tasks().get(task);
                List<LevellableTask.Predecessor> before = new ArrayList<>();
                for (int predecessor : predecessors.get(task)) {
                    before.add(new LevellableTask.Predecessor("T" + predecessor, 0));
                }
                List<LevellableTask.ResourceUse> uses = new ArrayList<>();
                for (int resource = 0; resource < levelling.demands().size(); resource++) {
                    int demand = levelling.demands().get(resource);
                    if (demand > 0) {
                        uses.add(new LevellableTask.ResourceUse("R" + resource, demand * 100));
                    }
                }
                tasks.add(new LevellableTask(
                        "T" + task,
                        task + 1,
                        early[task],
                        levelling.duration(),
                        late[task] - early[task],
                        100 + (task * 7) % 800,
                        false,
                        false,
                        before,
                        uses));
            }
            resources = new ArrayList<>();
            for (int resource = 0; resource < project.capacities().size(); resource++) {
                resources.add(new LevellingResource("R" + resource, project.capacities().get(resource) * 100));
            }
            for (ProjectLevellingOptions options : List.of(
                    new ProjectLevellingOptions(LevellingOrder.STANDARD, false),
                    new ProjectLevellingOptions(LevellingOrder.STANDARD, false, true),
                    new ProjectLevellingOptions(LevellingOrder.STANDARD, true))) {
                ProjectLevellingResult result = ProjectLevelling.level(tasks, resources, options);
                System.out.println(options + ": finish " + result.finishBefore() + " -> " + result.finishAfter()
                        + ", " + result.moves().size() + " moves, " + result.unresolved().size() + " unresolved");
            }
        }
    }

    @Benchmark
    public ProjectLevellingResult standardOrder(Plan plan) {
        return ProjectLevelling.level(
                plan.tasks, plan.resources, new ProjectLevellingOptions(LevellingOrder.STANDARD, false));
    }

    @Benchmark
    public ProjectLevellingResult priorityThenStandard(Plan plan) {
        return ProjectLevelling.level(
                plan.tasks, plan.resources, new ProjectLevellingOptions(LevellingOrder.PRIORITY_THEN_STANDARD, false));
    }

    @Benchmark
    public ProjectLevellingResult adjustingAssignments(Plan plan) {
        return ProjectLevelling.level(
                plan.tasks, plan.resources, new ProjectLevellingOptions(LevellingOrder.STANDARD, false, true));
    }

    @Benchmark
    public ProjectLevellingResult withinSlack(Plan plan) {
        return ProjectLevelling.level(
                plan.tasks, plan.resources, new ProjectLevellingOptions(LevellingOrder.STANDARD, true));
    }
}
