package org.gantry.server.resource;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A dated rate to add: from when, standard and overtime rates per hour, cost per use. */
public record NewCostRate(
        LocalDate effectiveFrom, BigDecimal standardRate, BigDecimal overtimeRate, BigDecimal costPerUse) {}
