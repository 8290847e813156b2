package org.gantry.server.risk;

import java.time.LocalDate;

/**
 * A risk's next review date has come (in its project's time zone) and its owner has not been reminded of
 * it yet. Published once per risk and review date, inside the transaction that records the reminder.
 */
public record RiskReviewDue(
        long projectId,
        String projectKey,
        long riskId,
        String title,
        long ownerId,
        LocalDate reviewDate,
        LocalDate today) {}
