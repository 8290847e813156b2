package org.gantry.engine.risk;

/** An analysis stopped because its {@link SimulationProgress} said so, after {@code completedRuns} runs. */
public final class SimulationCancelled extends RuntimeException {
    private final int completedRuns;

    public SimulationCancelled(int completedRuns) {
        super("analysis stopped after " + completedRuns + " runs");
        this.completedRuns = completedRuns;
    }

    public int completedRuns() {
        return completedRuns;
    }
}
