package org.gantry.interchange;

import java.util.concurrent.TimeUnit;
import org.gantry.engine.ProjectNetwork;
import org.gantry.engine.Schedule;
import org.gantry.engine.Scheduler;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.mpxj.ProjectFile;
import org.mpxj.cpm.MicrosoftScheduler;

/**
 * Full schedule of a generated network (1.5 links per task, standard calendar with holidays): Gantry's
 * engine at 1,000 to 100,000 tasks, and MPXJ's MicrosoftScheduler on the same networks where it finishes
 * in reasonable time. Run one core: {@code taskset -c 0 java -jar ...-benchmarks.jar}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:ActiveProcessorCount=1"})
public class SchedulerBenchmark {

    @State(Scope.Benchmark)
    public static class EngineInput {
        @Param({"1000", "10000", "100000"})
        public int tasks;

        ProjectNetwork network;

        @Setup(Level.Trial)
        public void generate() {
            network = new GeneratedNetwork(tasks).engineNetwork();
        }
    }

    @State(Scope.Benchmark)
    public static class MpxjInput {
        @Param({"1000", "10000"})
        public int tasks;

        ProjectFile file;

        @Setup(Level.Trial)
        public void generate() {
            file = new GeneratedNetwork(tasks).mpxjProject();
        }
    }

    @Benchmark
    @Warmup(iterations = 5, time = 2)
    @Measurement(iterations = 10, time = 2)
    public Schedule gantryEngine(EngineInput input) {
        return Scheduler.schedule(input.network);
    }

    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 3, time = 1)
    public ProjectFile mpxjMicrosoftScheduler(MpxjInput input) throws Exception {
        new MicrosoftScheduler().schedule(input.file, GeneratedNetwork.START);
        return input.file;
    }
}
