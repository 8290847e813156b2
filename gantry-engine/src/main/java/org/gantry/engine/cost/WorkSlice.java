package org.gantry.engine.cost;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Part of an assignment's work that falls under one rate: the hours (or, for a material, the units) from
 * {@code start} on, regular and overtime.
 */
public record WorkSlice(LocalDateTime start, BigDecimal regular, BigDecimal overtime) {
    public WorkSlice {
        Objects.requireNonNull(start, "start");
        regular = regular == null ? BigDecimal.ZERO : regular;
        overtime = overtime == null ? BigDecimal.ZERO : overtime;
    }
}
