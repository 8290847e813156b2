package org.gantry.server.resource;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A resource's rates from {@code effectiveFrom} on, until its next dated rate: standard and overtime per
 * hour, and the cost per use. Before its first dated rate a resource costs its own rates.
 */
public record CostRate(
        long id,
        long resourceId,
        LocalDate effectiveFrom,
        BigDecimal standardRate,
        BigDecimal overtimeRate,
        BigDecimal costPerUse,
        int version) {}
