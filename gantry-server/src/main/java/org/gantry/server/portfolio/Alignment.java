package org.gantry.server.portfolio;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * A project's strategic alignment, in percent: its scores weighted by the goals' weights, over the most it
 * could score.
 *
 * <pre>alignment = 100 * sum(weight(g) * score(g)) / (5 * sum(weight(g)))</pre>
 *
 * over every strategic goal g, a goal the project has no score for counting as 0; rounded half up to one
 * decimal. Null when there is no goal at all (nothing to align with, which is not the same as 0).
 */
final class Alignment {

    static final int MAX_SCORE = 5;

    private Alignment() {}

    static BigDecimal of(List<StrategicGoal> goals, Map<Long, Integer> scoreByGoal) {
        if (goals.isEmpty()) {
            return null;
        }
        long weighted = 0;
        long weights = 0;
        for (StrategicGoal goal : goals) {
            weighted += (long) goal.weight() * scoreByGoal.getOrDefault(goal.id(), 0);
            weights += goal.weight();
        }
        return BigDecimal.valueOf(100 * weighted)
                .divide(BigDecimal.valueOf(MAX_SCORE * weights), 1, RoundingMode.HALF_UP);
    }
}
