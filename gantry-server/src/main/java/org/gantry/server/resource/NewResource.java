package org.gantry.server.resource;

import java.math.BigDecimal;

/**
 * A resource to add: a name, its kind (WORK by default, MATERIAL, COST), optionally the project member it
 * is ({@code userId}: their time entries cost at its rates), maximum units (%, default 100), and rates
 * per hour (standard, overtime) and per use. A material's standard rate is its cost per unit and
 * {@code materialLabel} its unit; {@code tags} are free words (team, skill) the workload view filters by.
 */
public record NewResource(
        String name,
        String kind,
        Long userId,
        BigDecimal maxUnits,
        BigDecimal standardRate,
        BigDecimal overtimeRate,
        BigDecimal costPerUse,
        String materialLabel,
        java.util.List<String> tags) {

    public NewResource(
            String name,
            String kind,
            Long userId,
            BigDecimal maxUnits,
            BigDecimal standardRate,
            BigDecimal overtimeRate,
            BigDecimal costPerUse) {
        this(name, kind, userId, maxUnits, standardRate, overtimeRate, costPerUse, null, null);
    }
}
