package org.gantry.interchange;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A person, a piece of equipment, a material or a cost that tasks are assigned to. Maximum units are a
 * percentage (100 = one full-time person). Rates are null when the source gave none.
 */
public record PlanResource(
        String key,
        String name,
        String initials,
        String email,
        String group,
        PlanResourceKind kind,
        String materialLabel,
        double maxUnits,
        PlanRate standardRate,
        PlanRate overtimeRate,
        BigDecimal costPerUse,
        String calendarKey,
        String notes) {

    public PlanResource {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name;
    }

    public static PlanResource person(String key, String name) {
        return new PlanResource(
                key, name, null, null, null, PlanResourceKind.WORK, null, 100, null, null, null, null, null);
    }
}
