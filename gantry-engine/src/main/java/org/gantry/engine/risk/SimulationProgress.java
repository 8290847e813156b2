package org.gantry.engine.risk;

/**
 * Told how far an analysis has come, in chunks: after every hundredth of the runs (and at least every
 * 1,000 runs), never per run, so listening costs nothing measurable. Answering {@code false} stops the
 * analysis: it then throws {@link SimulationCancelled}. Called on the thread running the analysis.
 */
@FunctionalInterface
public interface SimulationProgress {
    /** No one listens. */
    SimulationProgress NONE = (completedRuns, totalRuns) -> true;

    /** {@code completedRuns} of {@code totalRuns} are done; {@code false} stops the analysis. */
    boolean ranRuns(int completedRuns, int totalRuns);
}
