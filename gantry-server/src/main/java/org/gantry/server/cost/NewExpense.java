package org.gantry.server.cost;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An expense to record, for oneself: the day, the amount (more than 0, cents at most), a note, a task or none. */
public record NewExpense(LocalDate date, BigDecimal amount, String note, Long taskId) {}
