package org.gantry.server.cost;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Money a person spent for the project on a day (travel, a licence, a part), in the project currency, with a
 * note and optionally the task it was for. It counts in the actual cost (AC) from its date on. {@code receipt}
 * is its receipt's file, null without one.
 */
public record Expense(
        long id,
        String project,
        Long taskId,
        String taskName,
        long userId,
        String userName,
        LocalDate date,
        BigDecimal amount,
        String note,
        Instant createdAt,
        Instant updatedAt,
        int version,
        Receipt receipt) {}
