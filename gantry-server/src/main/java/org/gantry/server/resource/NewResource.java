package org.gantry.server.resource;

import java.math.BigDecimal;

/**
 * A resource to add: a name, its kind (WORK by default, MATERIAL, COST), optionally the project member it
 * is ({@code userId}: their time entries cost at its rates), maximum units (%, default 100), and rates
 * per hour (standard, overtime) and per use.
 */
public record NewResource(
        String name,
        String kind,
        Long userId,
        BigDecimal maxUnits,
        BigDecimal standardRate,
        BigDecimal overtimeRate,
        BigDecimal costPerUse) {}
