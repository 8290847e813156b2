package org.gantry.server.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Changes to a risk: only the fields given change; version is required. {@code clear} names optional
 * fields to empty: ownerId, reviewDate, responseStrategy, delay (task, days and percentage), delayPercent,
 * residual (both ratings), proximity, costImpact.
 * {@code taskIds}, when given, replaces the linked tasks.
 */
public record RiskChanges(
        String title,
        String kind,
        String category,
        String cause,
        String event,
        String effect,
        Integer probability,
        Integer impact,
        String responseStrategy,
        String response,
        Long ownerId,
        String status,
        LocalDate reviewDate,
        List<Long> taskIds,
        Long delayTaskId,
        BigDecimal delayDays,
        Integer delayPercent,
        Integer residualProbability,
        Integer residualImpact,
        String trigger,
        LocalDate proximity,
        BigDecimal costImpact,
        List<String> clear,
        Integer version) {}
