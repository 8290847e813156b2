package org.gantry.interchange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.gantry.engine.levelling.LevelledSchedule;
import org.gantry.engine.levelling.LevellingSettings;
import org.gantry.engine.levelling.LevellingTask;
import org.gantry.engine.levelling.OptimisingLevelling;
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
 * Optimising levelling of a generated 2,000-task project with 50 resources: tasks of 1 to 10 days, about
 * 1.5 finish-to-start links per task from one of the 200 tasks before it, each task needing 1 to 3
 * resources (1 to 4 units of a capacity of 4 to 8). {@code firstSchedule} is the priority rules with
 * forward-backward justification (the search's first population member, schedule limit 1);
 * {@code thousandSchedules} the genetic search bounded at 1,000 generated schedules. Each prints the
 * finish it reached against the lower bound once, so quality is quoted beside speed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-XX:ActiveProcessorCount=1"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LevellingBenchmark {
    @State(Scope.Benchmark)
    public static class Project {
        ResourceConstrainedProject project;

        @Setup(Level.Trial)
        public void generate() {
            project = generated(2_000, 50, 12);
            for (int limit : new int[] {1, 1_000}) {
                LevelledSchedule schedule = OptimisingLevelling.level(project, settings(limit));
                System.out.println("schedule limit " + limit + ": makespan " + schedule.makespan() + ", lower bound "
                        + schedule.lowerBound() + ", schedules " + schedule.schedulesGenerated());
            }
        }
    }

    static ResourceConstrainedProject generated(int taskCount, int resourceCount, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<Integer>> successors = new ArrayList<>();
        for (int task = 0; task < taskCount; task++) {
            successors.add(new ArrayList<>());
        }
        for (int task = 1; task < taskCount; task++) {
            int links = random.nextInt(4);
            for (int link = 0; link < links; link++) {
                int predecessor = Math.max(0, task - 1 - random.nextInt(200));
                if (!successors.get(predecessor).contains(task)) {
                    successors.get(predecessor).add(task);
                }
            }
        }
        List<Integer> capacities = new ArrayList<>();
        for (int resource = 0; resource < resourceCount; resource++) {
            capacities.add(4 + random.nextInt(5));
        }
        List<LevellingTask> tasks = new ArrayList<>();
        for (int task = 0; task < taskCount; task++) {
            List<Integer> demands = new ArrayList<>();
            for (int resource = 0; resource < resourceCount; resource++) {
                demands.add(0);
            }
            int needed = 1 + random.nextInt(3);
            for (int index = 0; index < needed; index++) {
                demands.set(random.nextInt(resourceCount), 1 + random.nextInt(4));
            }
            tasks.add(new LevellingTask(1 + random.nextInt(10), successors.get(task), demands));
        }
        return new ResourceConstrainedProject(tasks, capacities);
    }

    static LevellingSettings settings(int scheduleLimit) {
        return new LevellingSettings(1, scheduleLimit, Duration.ofMinutes(10));
    }

    @Benchmark
    public LevelledSchedule firstSchedule(Project state) {
        return OptimisingLevelling.level(state.project, settings(1));
    }

    @Benchmark
    public LevelledSchedule thousandSchedules(Project state) {
        return OptimisingLevelling.level(state.project, settings(1_000));
    }
}
