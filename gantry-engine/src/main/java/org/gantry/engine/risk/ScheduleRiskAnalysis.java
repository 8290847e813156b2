package org.gantry.engine.risk;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.gantry.engine.ProjectNetwork;
import org.gantry.engine.SimulationNetwork;
import org.gantry.engine.TaskId;
import org.gantry.engine.risk.ScheduleRiskResult.FinishDay;
import org.gantry.engine.risk.ScheduleRiskResult.SensitivityDriver;
import org.gantry.engine.risk.ScheduleRiskResult.TaskCriticality;

/**
 * Monte Carlo schedule risk analysis. Each run draws every uncertain task's duration, lets each risk event
 * occur with its probability, and runs the network's forward and backward pass on primitive arrays
 * ({@link SimulationNetwork}); the network is scheduled and reduced once, not once per run.
 *
 * <pre>{@code
 * ScheduleRiskResult result = ScheduleRiskAnalysis.run(
 *         network,
 *         List.of(new DurationEstimate(TaskId.of("build"), 3 * 480, 5 * 480, 10 * 480, Distribution.PERT)),
 *         List.of(new RiskEvent("R1", TaskId.of("test"), 0.3, 2 * 480)),
 *         SimulationSettings.DEFAULTS.withDeadline(deadline));
 * result.p80();
 * }</pre>
 *
 * <p>Repeatable: one random stream from the seed, drawn in a fixed order, so equal inputs and seeds give
 * equal results. Tasks without an estimate get the settings' default spread around their scheduled
 * duration; completed tasks never vary. A sampled duration stretches the task's span on the project
 * calendar in proportion to its scheduled duration.
 */
public final class ScheduleRiskAnalysis {
    /** Levels a driver's draw is ranked on for the rank correlation: ties below this are negligible. */
    private static final int RANK_LEVELS = 1024;
    /** Bound on the stored draws (drivers x runs) for the rank correlation; beyond it, the first runs. */
    private static final long MAX_STORED_DRAWS = 40_000_000L;

    private static final byte TRIANGULAR = 0;
    private static final byte PERT = 1;
    private static final byte UNIFORM = 2;
    private static final byte LOGNORMAL = 3;

    private ScheduleRiskAnalysis() {}

    public static ScheduleRiskResult run(
            ProjectNetwork network,
            List<DurationEstimate> estimates,
            List<RiskEvent> risks,
            SimulationSettings settings) {
        return run(SimulationNetwork.of(network), estimates, risks, settings);
    }

    public static ScheduleRiskResult run(
            SimulationNetwork network,
            List<DurationEstimate> estimates,
            List<RiskEvent> risks,
            SimulationSettings settings) {
        return run(network, estimates, risks, List.of(), settings);
    }

    /** As the other forms, with groups of tasks whose durations are correlated. */
    public static ScheduleRiskResult run(
            SimulationNetwork network,
            List<DurationEstimate> estimates,
            List<RiskEvent> risks,
            List<CorrelatedTasks> correlations,
            SimulationSettings settings) {
        return run(network, estimates, risks, correlations, settings, SimulationProgress.NONE);
    }

    /**
     * As the other forms, telling {@code progress} after every chunk of runs (a hundredth of them, at most
     * 1,000); the draws are the same whether anyone listens or not, so the result is too.
     *
     * @throws SimulationCancelled when {@code progress} answers {@code false}
     */
    public static ScheduleRiskResult run(
            SimulationNetwork network,
            List<DurationEstimate> estimates,
            List<RiskEvent> risks,
            List<CorrelatedTasks> correlations,
            SimulationSettings settings,
            SimulationProgress progress) {
        Objects.requireNonNull(progress, "progress");
        int n = network.size();
        DurationEstimate[] byPosition = new DurationEstimate[n];
        for (DurationEstimate estimate : estimates) {
            byPosition[positionOf(network, estimate.task(), "an estimate")] = estimate;
        }

        // Uncertain tasks and their distributions, in position order.
        int[] uncertain = new int[n];
        byte[] kind = new byte[n];
        double[] low = new double[n];
        double[] mode = new double[n];
        double[] high = new double[n];
        double[] shapeA = new double[n];
        double[] shapeB = new double[n];
        double[] scale = new double[n];
        int uncertainCount = 0;
        double[] baseSpan = new double[n];
        for (int c = 0; c < n; c++) {
            baseSpan[c] = network.scheduledSpan(c);
            if (network.finished(c)) {
                continue;
            }
            long duration = network.scheduledDuration(c);
            DurationEstimate estimate = byPosition[c];
            double a;
            double m;
            double b;
            Distribution distribution;
            if (estimate != null) {
                a = estimate.optimistic();
                m = estimate.mostLikely();
                b = estimate.pessimistic();
                distribution = estimate.distribution();
            } else {
                a = duration * settings.defaultOptimisticShare();
                m = duration;
                b = duration * settings.defaultPessimisticShare();
                distribution = settings.defaultDistribution();
            }
            // A span in the project calendar per working minute of the task: the task's own calendar, its
            // resources' calendars or elapsed time made it longer or shorter than its duration.
            scale[c] = duration > 0 ? baseSpan[c] / duration : 1;
            if (!(b > a)) {
                // No spread: the estimate's value, exactly (the scheduled span when it is the duration).
                baseSpan[c] = duration > 0 ? baseSpan[c] * (m / duration) : m;
                continue;
            }
            int u = uncertainCount++;
            uncertain[u] = c;
            low[u] = a;
            mode[u] = m;
            high[u] = b;
            switch (distribution) {
                case TRIANGULAR -> kind[u] = TRIANGULAR;
                case UNIFORM -> kind[u] = UNIFORM;
                case PERT -> {
                    kind[u] = PERT;
                    shapeA[u] = 1 + 4 * (m - a) / (b - a);
                    shapeB[u] = 1 + 4 * (b - m) / (b - a);
                }
                case LOGNORMAL -> {
                    kind[u] = LOGNORMAL;
                    double mean = (a + 4 * m + b) / 6;
                    double deviation = (b - a) / 6;
                    double sigmaSquared = Math.log(1 + deviation * deviation / (mean * mean));
                    shapeA[u] = Math.log(mean) - sigmaSquared / 2;
                    shapeB[u] = Math.sqrt(sigmaSquared);
                }
            }
        }

        // Correlation groups, by uncertain task: the group's index (-1: independent) and the weights of the
        // common factor and of the task's own normal score.
        int[] group = new int[uncertainCount];
        Arrays.fill(group, -1);
        double[] common = new double[uncertainCount];
        double[] own = new double[uncertainCount];
        double[][] quantiles = new double[uncertainCount][];
        int[] uncertainIndex = new int[n];
        Arrays.fill(uncertainIndex, -1);
        for (int u = 0; u < uncertainCount; u++) {
            uncertainIndex[uncertain[u]] = u;
        }
        boolean[] grouped = new boolean[n];
        for (int g = 0; g < correlations.size(); g++) {
            CorrelatedTasks correlation = correlations.get(g);
            for (TaskId task : correlation.tasks()) {
                int c = positionOf(network, task, "a correlation group");
                if (grouped[c]) {
                    throw new IllegalArgumentException("task " + task + " is in more than one correlation group");
                }
                grouped[c] = true;
                int u = uncertainIndex[c];
                if (u < 0 || correlation.coefficient() == 0) {
                    continue; // nothing to correlate: the task has no spread
                }
                group[u] = g;
                common[u] = Math.sqrt(correlation.coefficient());
                own[u] = Math.sqrt(1 - correlation.coefficient());
                if (kind[u] == PERT) {
                    quantiles[u] = betaQuantiles(shapeA[u], shapeB[u]);
                }
            }
        }
        double[] factor = new double[correlations.size()];

        int riskCount = risks.size();
        int[] riskTask = new int[riskCount];
        double[] riskProbability = new double[riskCount];
        double[] riskDelay = new double[riskCount];
        for (int r = 0; r < riskCount; r++) {
            RiskEvent risk = risks.get(r);
            riskTask[r] = positionOf(network, risk.task(), "risk " + risk.id());
            riskProbability[r] = risk.probability();
            riskDelay[r] = risk.delayMinutes();
        }

        int iterations = settings.iterations();
        int drivers = uncertainCount + riskCount;
        int ranked = drivers == 0 ? 0 : (int) Math.min(iterations, MAX_STORED_DRAWS / drivers);
        char[] draws = new char[drivers * ranked];
        double[] finishes = new double[iterations];
        int[] criticalRuns = new int[n];
        double[] span = new double[n];
        double[] starts = new double[n];
        double[] ends = new double[n];
        double[] lateFinishes = new double[n];
        double threshold = network.criticalSlackMinutes() + 1e-6;
        int[] milestones = new int[n];
        int milestoneCount = 0;
        for (int c = 0; c < n; c++) {
            if (network.milestone(c)) {
                milestones[milestoneCount++] = c;
            }
        }
        double[][] milestoneFinishes = new double[milestoneCount][iterations];
        SplittableRandom random = new SplittableRandom(settings.seed());
        // One comparison per run; the listener is called once per chunk.
        int chunk = Math.max(1, Math.min(1_000, iterations / 100));
        int nextReport = chunk;

        for (int run = 0; run < iterations; run++) {
            if (run == nextReport) {
                if (!progress.ranRuns(run, iterations)) {
                    throw new SimulationCancelled(run);
                }
                nextReport += chunk;
            }
            System.arraycopy(baseSpan, 0, span, 0, n);
            boolean keep = run < ranked;
            for (int g = 0; g < factor.length; g++) {
                factor[g] = random.nextGaussian();
            }
            for (int u = 0; u < uncertainCount; u++) {
                double a = low[u];
                double b = high[u];
                double minutes;
                double rank;
                if (group[u] >= 0) {
                    // Correlated: a normal score from the group's factor and the task's own, turned into the
                    // task's distribution through its quantile function.
                    double z = common[u] * factor[group[u]] + own[u] * random.nextGaussian();
                    double p = normalDistribution(z);
                    switch (kind[u]) {
                        case TRIANGULAR -> {
                            double m = mode[u];
                            minutes = p * (b - a) < m - a
                                    ? a + Math.sqrt(p * (b - a) * (m - a))
                                    : b - Math.sqrt((1 - p) * (b - a) * (b - m));
                        }
                        case UNIFORM -> minutes = a + p * (b - a);
                        case PERT -> minutes = a + quantile(quantiles[u], p) * (b - a);
                        default -> minutes = Math.exp(shapeA[u] + shapeB[u] * z);
                    }
                    int c = uncertain[u];
                    span[c] = minutes * scale[c];
                    if (keep) {
                        draws[u * ranked + run] = (char) Math.min(RANK_LEVELS - 1, (int) (p * RANK_LEVELS));
                    }
                    continue;
                }
                switch (kind[u]) {
                    case TRIANGULAR -> {
                        double p = random.nextDouble();
                        double m = mode[u];
                        minutes = p * (b - a) < m - a
                                ? a + Math.sqrt(p * (b - a) * (m - a))
                                : b - Math.sqrt((1 - p) * (b - a) * (b - m));
                        rank = p;
                    }
                    case UNIFORM -> {
                        double p = random.nextDouble();
                        minutes = a + p * (b - a);
                        rank = p;
                    }
                    case PERT -> {
                        double x = gamma(random, shapeA[u]);
                        double share = x / (x + gamma(random, shapeB[u]));
                        minutes = a + share * (b - a);
                        rank = share;
                    }
                    default -> {
                        double z = random.nextGaussian();
                        minutes = Math.exp(shapeA[u] + shapeB[u] * z);
                        rank = Math.min(1, Math.max(0, (z + 4) / 8));
                    }
                }
                int c = uncertain[u];
                span[c] = minutes * scale[c];
                if (keep) {
                    draws[u * ranked + run] = (char) Math.min(RANK_LEVELS - 1, (int) (rank * RANK_LEVELS));
                }
            }
            for (int r = 0; r < riskCount; r++) {
                boolean occurs = random.nextDouble() < riskProbability[r];
                if (occurs) {
                    int c = riskTask[r];
                    span[c] = Math.max(0, span[c] + riskDelay[r] * scale[c]);
                }
                if (keep) {
                    draws[(uncertainCount + r) * ranked + run] = occurs ? (char) 1 : (char) 0;
                }
            }
            double finish = network.forwardPass(span, starts, ends);
            finishes[run] = finish;
            for (int k = 0; k < milestoneCount; k++) {
                milestoneFinishes[k][run] = ends[milestones[k]];
            }
            network.backwardPass(span, finish, lateFinishes);
            for (int c = 0; c < n; c++) {
                if (lateFinishes[c] - ends[c] <= threshold) {
                    criticalRuns[c]++;
                }
            }
        }

        if (!progress.ranRuns(iterations, iterations)) {
            throw new SimulationCancelled(iterations);
        }
        double[] finishRanks = ranked > 0 ? midRanks(finishes, ranked) : new double[0];
        List<SensitivityDriver> sensitivity = new ArrayList<>(drivers);
        int[] counts = new int[RANK_LEVELS];
        double[] levelRank = new double[RANK_LEVELS];
        for (int d = 0; d < drivers; d++) {
            double correlation = rankCorrelation(draws, d * ranked, ranked, finishRanks, counts, levelRank);
            sensitivity.add(
                    d < uncertainCount
                            ? new SensitivityDriver(network.task(uncertain[d]), null, correlation)
                            : new SensitivityDriver(
                                    null, risks.get(d - uncertainCount).id(), correlation));
        }
        sensitivity.sort(Comparator.comparingDouble((SensitivityDriver driver) -> -Math.abs(driver.rankCorrelation())));

        List<TaskCriticality> criticality = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            criticality.add(new TaskCriticality(network.task(c), (double) criticalRuns[c] / iterations));
        }

        double mean = 0;
        for (double finish : finishes) {
            mean += finish;
        }
        mean /= iterations;
        double squares = 0;
        for (double finish : finishes) {
            squares += (finish - mean) * (finish - mean);
        }
        double deviation = iterations > 1 ? Math.sqrt(squares / (iterations - 1)) : 0;

        double[] sorted = finishes.clone();
        Arrays.sort(sorted);
        double scheduled = network.scheduledFinish();
        LocalDateTime deadline = settings.deadline();
        Double deadlineProbability = null;
        if (deadline != null) {
            deadlineProbability = (double) countAtMost(sorted, network.offsetOf(deadline)) / iterations;
        }
        return new ScheduleRiskResult(
                iterations,
                settings.seed(),
                network.schedule().projectFinish(),
                (double) countAtMost(sorted, scheduled) / iterations,
                network.finishDate(percentile(sorted, 0.10)),
                network.finishDate(percentile(sorted, 0.50)),
                network.finishDate(percentile(sorted, 0.80)),
                network.finishDate(percentile(sorted, 0.90)),
                mean,
                deviation,
                scheduled,
                deadline,
                deadlineProbability,
                finishDays(network, sorted),
                criticality,
                sensitivity,
                milestoneForecasts(network, milestones, milestoneFinishes));
    }

    private static List<ScheduleRiskResult.MilestoneForecast> milestoneForecasts(
            SimulationNetwork network, int[] positions, double[][] finishes) {
        List<ScheduleRiskResult.MilestoneForecast> forecasts = new ArrayList<>(finishes.length);
        for (int k = 0; k < finishes.length; k++) {
            int c = positions[k];
            double[] sorted = finishes[k];
            Arrays.sort(sorted);
            double scheduled = network.scheduledFinish(c);
            forecasts.add(new ScheduleRiskResult.MilestoneForecast(
                    network.task(c),
                    network.finishDate(c, scheduled),
                    (double) countAtMost(sorted, scheduled) / sorted.length,
                    network.finishDate(c, percentile(sorted, 0.10)),
                    network.finishDate(c, percentile(sorted, 0.50)),
                    network.finishDate(c, percentile(sorted, 0.80)),
                    network.finishDate(c, percentile(sorted, 0.90)),
                    finishDays(sorted, value -> network.finishDate(c, value).toLocalDate())));
        }
        return forecasts;
    }

    private static int positionOf(SimulationNetwork network, TaskId task, String what) {
        int position = network.position(task);
        if (position < 0) {
            throw new IllegalArgumentException(
                    what + " names task " + task + ", which is not a scheduled task (unknown, inactive or a summary)");
        }
        return position;
    }

    /** The smallest finish at or above which a share {@code share} of runs finished (nearest rank). */
    private static double percentile(double[] sorted, double share) {
        int index = (int) Math.ceil(share * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static int countAtMost(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static List<FinishDay> finishDays(SimulationNetwork network, double[] sorted) {
        return finishDays(sorted, value -> network.finishDate(value).toLocalDate());
    }

    /** The sorted finishes counted by the day each falls on. */
    private static List<FinishDay> finishDays(double[] sorted, java.util.function.DoubleFunction<LocalDate> dayOf) {
        List<FinishDay> days = new ArrayList<>();
        int total = sorted.length;
        int i = 0;
        while (i < total) {
            LocalDate day = dayOf.apply(sorted[i]);
            int j = i + 1;
            // Finishes are sorted, so a day's runs are consecutive; skip ahead over equal values cheaply.
            while (j < total
                    && (sorted[j] == sorted[j - 1] || dayOf.apply(sorted[j]).equals(day))) {
                j++;
            }
            days.add(new FinishDay(day, j - i, (double) (j - i) / total, (double) j / total));
            i = j;
        }
        return days;
    }

    /** Ranks of the first {@code count} values, ties sharing their mean rank (1-based). */
    private static double[] midRanks(double[] values, int count) {
        long[] keyed = new long[count];
        double lowest = Double.POSITIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            lowest = Math.min(lowest, values[k]);
        }
        for (int k = 0; k < count; k++) {
            // A 1/1024 working minute resolution; the run number in the low 20 bits.
            keyed[k] = (Math.round((values[k] - lowest) * 1024) << 20) | k;
        }
        Arrays.sort(keyed);
        double[] ranks = new double[count];
        int i = 0;
        while (i < count) {
            int j = i + 1;
            while (j < count && keyed[j] >>> 20 == keyed[i] >>> 20) {
                j++;
            }
            double rank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) {
                ranks[(int) (keyed[k] & 0xFFFFF)] = rank;
            }
            i = j;
        }
        return ranks;
    }

    /**
     * Spearman's correlation: Pearson's over mid-ranks. The driver's draws are ranked by counting over their
     * levels, so each driver costs one pass over its runs.
     */
    private static double rankCorrelation(
            char[] draws, int from, int count, double[] finishRanks, int[] counts, double[] levelRank) {
        if (count < 2) {
            return 0;
        }
        Arrays.fill(counts, 0);
        for (int k = 0; k < count; k++) {
            counts[draws[from + k]]++;
        }
        double mean = (count + 1) / 2.0;
        int below = 0;
        double driverSquares = 0;
        for (int level = 0; level < RANK_LEVELS; level++) {
            int tied = counts[level];
            double rank = below + (tied + 1) / 2.0;
            levelRank[level] = rank;
            driverSquares += tied * (rank - mean) * (rank - mean);
            below += tied;
        }
        double products = 0;
        double finishSquares = 0;
        for (int k = 0; k < count; k++) {
            double finishRank = finishRanks[k] - mean;
            products += (levelRank[draws[from + k]] - mean) * finishRank;
            finishSquares += finishRank * finishRank;
        }
        if (driverSquares == 0 || finishSquares == 0) {
            return 0;
        }
        return products / Math.sqrt(driverSquares * finishSquares);
    }

    /** The standard normal distribution function (Zelen and Severo's approximation, error below 1e-7). */
    static double normalDistribution(double z) {
        double t = 1 / (1 + 0.2316419 * Math.abs(z));
        double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        double tail = density
                * t
                * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return z >= 0 ? 1 - tail : tail;
    }

    private static final int QUANTILE_STEPS = 4096;

    /**
     * The quantile function of a beta distribution with both shapes at least 1 (PERT's), tabulated at
     * 4,097 probabilities from its distribution function integrated on a fine grid; read by interpolation.
     */
    static double[] betaQuantiles(double alpha, double beta) {
        int grid = 16 * QUANTILE_STEPS;
        double[] cumulative = new double[grid + 1];
        double previous = 0;
        for (int k = 1; k <= grid; k++) {
            double x = (double) k / grid;
            double density = Math.pow(x, alpha - 1) * Math.pow(1 - x, beta - 1);
            double before = (double) (k - 1) / grid;
            double densityBefore = Math.pow(before, alpha - 1) * Math.pow(1 - before, beta - 1);
            previous += (density + densityBefore) / 2;
            cumulative[k] = previous;
        }
        double total = cumulative[grid];
        double[] table = new double[QUANTILE_STEPS + 1];
        int k = 0;
        for (int j = 0; j <= QUANTILE_STEPS; j++) {
            double target = total * j / QUANTILE_STEPS;
            while (k < grid && cumulative[k + 1] < target) {
                k++;
            }
            double span = k < grid ? cumulative[k + 1] - cumulative[k] : 0;
            double within = span > 0 ? (target - cumulative[k]) / span : 0;
            table[j] = Math.min(1, (k + Math.min(1, within)) / grid);
        }
        return table;
    }

    private static double quantile(double[] table, double p) {
        double position = p * QUANTILE_STEPS;
        int index = Math.min(QUANTILE_STEPS - 1, (int) position);
        double fraction = position - index;
        return table[index] + (table[index + 1] - table[index]) * fraction;
    }

    /** A gamma variate of shape at least 1 (Marsaglia and Tsang), scale 1. */
    private static double gamma(SplittableRandom random, double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double z = random.nextGaussian();
            double v = 1 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double p = random.nextDouble();
            if (p < 1 - 0.0331 * z * z * z * z || Math.log(p) < 0.5 * z * z + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
