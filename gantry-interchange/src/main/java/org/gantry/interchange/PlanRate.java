package org.gantry.interchange;

import java.math.BigDecimal;
import java.util.Objects;
import org.gantry.engine.DurationUnit;

/** A cost rate: an amount in the plan's currency per unit of time (per hour, per day...). */
public record PlanRate(BigDecimal amount, DurationUnit per) {
    public PlanRate {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(per, "per");
    }

    public static PlanRate perHour(String amount) {
        return new PlanRate(new BigDecimal(amount), DurationUnit.HOURS);
    }
}
