package org.gantry.engine.earnedvalue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Money actually spent on a day besides time: an expense, or a fixed cost as its accrual incurs it. {@code task}
 * is null for a cost of the project as a whole (it counts in the project's actual cost only).
 */
public record DatedCost(String task, LocalDate date, BigDecimal amount) {
    public DatedCost {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
    }
}
