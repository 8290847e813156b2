package org.gantry.engine.cost;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One line of a cost rate table, valid from {@code effectiveFrom} until the next line's date. For a work
 * resource the standard and overtime rates are per hour of work; for a material, the standard rate is per
 * unit of the material. The per-use cost is charged once per assignment.
 */
public record CostRateEntry(
        LocalDateTime effectiveFrom, BigDecimal standardRate, BigDecimal overtimeRate, BigDecimal costPerUse) {
    public CostRateEntry {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        standardRate = standardRate == null ? BigDecimal.ZERO : standardRate;
        overtimeRate = overtimeRate == null ? BigDecimal.ZERO : overtimeRate;
        costPerUse = costPerUse == null ? BigDecimal.ZERO : costPerUse;
    }

    public static CostRateEntry always(String standardRate, String overtimeRate, String costPerUse) {
        return new CostRateEntry(
                LocalDateTime.MIN,
                new BigDecimal(standardRate),
                new BigDecimal(overtimeRate),
                new BigDecimal(costPerUse));
    }
}
