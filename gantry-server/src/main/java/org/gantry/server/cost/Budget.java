package org.gantry.server.cost;

import java.math.BigDecimal;

/**
 * Money granted: for the whole project ({@code taskId} null) or for a task, usually a summary task standing
 * for a cost account. In the project currency.
 */
public record Budget(
        long id,
        String project,
        Long taskId,
        String wbs,
        String taskName,
        BigDecimal amount,
        String note,
        int version) {}
