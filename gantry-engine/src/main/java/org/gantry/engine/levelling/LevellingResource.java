package org.gantry.engine.levelling;

import java.util.Objects;

/** A resource the Microsoft-Project-compatible levelling keeps within its maximum units (100 = one person). */
public record LevellingResource(String id, int maxUnits) {
    public LevellingResource {
        Objects.requireNonNull(id, "id");
        if (maxUnits < 0) {
            throw new IllegalArgumentException("resource " + id + ": maximum units " + maxUnits + " are negative");
        }
    }
}
