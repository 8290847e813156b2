package org.gantry.engine;

/** Thrown when a network cannot be scheduled; {@link #problem()} says what is wrong, as data. */
public final class ScheduleException extends RuntimeException {
    private final transient ScheduleProblem problem;

    public ScheduleException(ScheduleProblem problem) {
        super(problem.describe());
        this.problem = problem;
    }

    public ScheduleProblem problem() {
        return problem;
    }
}
