package org.gantry.server.portfolio;

import java.math.BigDecimal;
import java.util.List;

/**
 * A project's place in the portfolio: its programme (null: none), whether it is only proposed, the cost
 * estimated for it in the project's currency, its score for every strategic goal (0 where nobody scored it
 * yet, with version 0) and the alignment those give (null while there is no goal). {@code version} is 0 until
 * the placement is first saved.
 */
public record Placement(
        String project,
        String name,
        Long programmeId,
        String programmeName,
        boolean proposed,
        BigDecimal estimatedCost,
        String currency,
        List<GoalScore> scores,
        BigDecimal alignment,
        boolean canPlace,
        boolean canScore,
        int version) {

    /** A project's score (0-5) for one goal, with the goal's weight and the score's own version. */
    public record GoalScore(long goalId, String goal, int weight, int score, int version) {}
}
