package org.gantry.server.risk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A risk as the API shows it. {@code score} is probability x impact (1 to 25) and {@code level} its band:
 * LOW (1-4), MEDIUM (5-9), HIGH (10-16), CRITICAL (20-25). The quantified delay ({@code delayTaskId},
 * {@code delayDays}) is what the schedule risk analysis draws, in {@code delayChancePercent} of its runs
 * ({@code delayPercent} when set, else 10, 30, 50, 70 or 90 % by probability); an opportunity's delay
 * shortens the task. The residual rating ({@code residualProbability}, {@code residualImpact}, their score and
 * level) is the risk once its response is in place; all four are null until someone rates it. {@code trigger}
 * is the warning sign, {@code proximity} the date from which it could happen, {@code costImpact} what it would
 * cost (or, for an opportunity, save) in the project's currency.
 */
public record Risk(
        long id,
        String title,
        String kind,
        String category,
        String cause,
        String event,
        String effect,
        int probability,
        int impact,
        int score,
        String level,
        String responseStrategy,
        String response,
        Long ownerId,
        String ownerName,
        String status,
        LocalDate reviewDate,
        List<Long> taskIds,
        Long delayTaskId,
        BigDecimal delayDays,
        Integer delayPercent,
        int delayChancePercent,
        Integer residualProbability,
        Integer residualImpact,
        Integer residualScore,
        String residualLevel,
        String trigger,
        LocalDate proximity,
        BigDecimal costImpact,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    static String level(int score) {
        if (score <= 4) {
            return "LOW";
        }
        if (score <= 9) {
            return "MEDIUM";
        }
        return score <= 16 ? "HIGH" : "CRITICAL";
    }

    /** The chance a probability rating stands for when no percentage is given. */
    static int chanceOf(int probability) {
        return probability * 20 - 10;
    }
}
