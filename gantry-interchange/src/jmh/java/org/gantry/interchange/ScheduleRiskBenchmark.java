package org.gantry.interchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.gantry.engine.ProjectNetwork;
import org.gantry.engine.Task;
import org.gantry.engine.risk.Distribution;
import org.gantry.engine.risk.RiskEvent;
import org.gantry.engine.risk.ScheduleRiskAnalysis;
import org.gantry.engine.risk.ScheduleRiskResult;
import org.gantry.engine.risk.SimulationSettings;
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

/**
 * A whole Monte Carlo schedule risk analysis of the generated network of {@link SchedulerBenchmark} (1.5
 * links per task): schedule and reduce once, then {@code iterations} runs in which every task's duration is
 * drawn (80 % to 150 % of its duration) and 50 risk events occur with probability 0.05 to 0.5, with
 * criticality and the rank correlations of every task and risk. Targets: 1,000 tasks x 10,000 runs under
 * 2 s. Run one core: {@code taskset -c 0 java -jar ...-benchmarks.jar ScheduleRiskBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:ActiveProcessorCount=1"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScheduleRiskBenchmark {

    @State(Scope.Benchmark)
    public static class Input {
        /** Tasks x runs. */
        @Param({"1000x10000", "10000x1000"})
        public String size;

        @Param({"TRIANGULAR", "PERT"})
        public Distribution distribution;

        ProjectNetwork network;
        List<RiskEvent> risks;
        SimulationSettings settings;

        @Setup(Level.Trial)
        public void generate() {
            String[] parts = size.split("x");
            int tasks = Integer.parseInt(parts[0]);
            network = new GeneratedNetwork(tasks).engineNetwork();
            Random random = new Random(16);
            risks = new ArrayList<>();
            List<Task> all = network.tasks();
            for (int r = 0; r < 50; r++) {
                risks.add(new RiskEvent(
                        "R" + r,
                        all.get(random.nextInt(all.size())).id(),
                        0.05 + 0.45 * random.nextDouble(),
                        480 * (1 + random.nextInt(5))));
            }
            settings = SimulationSettings.DEFAULTS
                    .withIterations(Integer.parseInt(parts[1]))
                    .withDefaultSpread(distribution, 0.8, 1.5)
                    .withSeed(7);
        }
    }

    @Benchmark
    public ScheduleRiskResult monteCarlo(Input input) {
        return ScheduleRiskAnalysis.run(input.network, List.of(), input.risks, input.settings);
    }
}
