package org.gantry.server.cost;

import java.math.BigDecimal;

/**
 * A budget to set or change: the amount (0 or more, cents at most) and a note; {@code taskId} (creating only)
 * names the task, none for the project's budget. {@code version} is required to change one.
 */
public record BudgetChange(Long taskId, BigDecimal amount, String note, Integer version) {}
