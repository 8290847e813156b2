package org.gantry.server.cost;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Changes to an expense; null fields stay as they are, {@code taskId} 0 takes it off its task. Version required. */
public record ExpenseChanges(LocalDate date, BigDecimal amount, String note, Long taskId, Integer version) {}
