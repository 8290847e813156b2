package org.gantry.engine;

import java.time.LocalDateTime;
import java.util.Objects;

/** A constraint on a task's dates; {@code date} is null only for ASAP and ALAP. */
public record Constraint(ConstraintType type, LocalDateTime date) {
    public static final Constraint AS_SOON_AS_POSSIBLE = new Constraint(ConstraintType.AS_SOON_AS_POSSIBLE, null);
    public static final Constraint AS_LATE_AS_POSSIBLE = new Constraint(ConstraintType.AS_LATE_AS_POSSIBLE, null);

    public Constraint {
        Objects.requireNonNull(type, "type");
    }

    public static Constraint of(ConstraintType type, LocalDateTime date) {
        return new Constraint(type, date);
    }
}
