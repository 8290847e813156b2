package org.gantry.engine.earnedvalue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A task as earned value sees it: its place in the work breakdown ({@code parent} null at the top), its
 * baseline dates and budget (the baseline cost), and how far it is (percent complete, 0 to 100). A task that
 * is the parent of another is a summary: its own budget and percent complete are ignored, its figures are
 * the sums of its children's.
 */
public record TaskBudget(
        String task, String parent, LocalDate start, LocalDate finish, BigDecimal budget, BigDecimal percentComplete) {

    public TaskBudget {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(finish, "finish");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(percentComplete, "percentComplete");
        if (finish.isBefore(start)) {
            throw new IllegalArgumentException("task " + task + " finishes before it starts");
        }
        if (percentComplete.signum() < 0 || percentComplete.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("percent complete must lie between 0 and 100: " + percentComplete);
        }
    }
}
