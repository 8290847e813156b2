package org.gantry.engine.risk;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * How to run an analysis: the number of runs, the seed (equal seeds give equal results), the spread given
 * to tasks without an estimate of their own (optimistic and pessimistic as shares of the scheduled
 * duration: 0.9 and 1.3 are ten percent shorter and thirty percent longer; 1 and 1 is no spread), and an
 * optional deadline to measure the chance of meeting.
 */
public record SimulationSettings(
        int iterations,
        long seed,
        Distribution defaultDistribution,
        double defaultOptimisticShare,
        double defaultPessimisticShare,
        LocalDateTime deadline) {
    public static final int MAX_ITERATIONS = 1_000_000;

    public static final SimulationSettings DEFAULTS =
            new SimulationSettings(10_000, 1, Distribution.TRIANGULAR, 0.9, 1.3, null);

    public SimulationSettings {
        Objects.requireNonNull(defaultDistribution, "defaultDistribution");
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException(
                    "iterations must be between 1 and " + MAX_ITERATIONS + ": " + iterations);
        }
        if (!(defaultOptimisticShare >= 0 && defaultOptimisticShare <= 1)) {
            throw new IllegalArgumentException("default optimistic share must be between 0 and 1");
        }
        if (!(defaultPessimisticShare >= 1 && defaultPessimisticShare <= 100)) {
            throw new IllegalArgumentException("default pessimistic share must be between 1 and 100");
        }
    }

    public SimulationSettings withIterations(int newIterations) {
        return new SimulationSettings(
                newIterations, seed, defaultDistribution, defaultOptimisticShare, defaultPessimisticShare, deadline);
    }

    public SimulationSettings withSeed(long newSeed) {
        return new SimulationSettings(
                iterations, newSeed, defaultDistribution, defaultOptimisticShare, defaultPessimisticShare, deadline);
    }

    public SimulationSettings withDefaultSpread(
            Distribution distribution, double optimisticShare, double pessimisticShare) {
        return new SimulationSettings(iterations, seed, distribution, optimisticShare, pessimisticShare, deadline);
    }

    public SimulationSettings withDeadline(LocalDateTime newDeadline) {
        return new SimulationSettings(
                iterations, seed, defaultDistribution, defaultOptimisticShare, defaultPessimisticShare, newDeadline);
    }
}
