package org.gantry.interchange;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A task's values saved in a baseline. Slot 0 is Microsoft Project's "Baseline", slots 1 to 10 are
 * "Baseline1" to "Baseline10". Fields the source did not save are null.
 */
public record PlanBaseline(
        int slot,
        String taskKey,
        LocalDateTime start,
        LocalDateTime finish,
        PlanDuration duration,
        Long workMinutes,
        BigDecimal cost) {

    public static final int SLOTS = 11;

    public PlanBaseline {
        if (slot < 0 || slot >= SLOTS) {
            throw new IllegalArgumentException("baseline slots run from 0 to 10: " + slot);
        }
    }
}
