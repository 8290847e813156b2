package org.gantry.engine.earnedvalue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** What an hour of a person's time costs from {@code effectiveFrom} on, until their next rate takes over. */
public record CostRate(String person, LocalDate effectiveFrom, BigDecimal perHour) {
    public CostRate {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(perHour, "perHour");
    }
}
