package org.gantry.engine;

import java.util.Arrays;
import java.util.Optional;

/** The eleven baseline slots of a project; saving into a slot replaces what was there. Immutable. */
public final class Baselines {
    private final Baseline[] slots;

    private Baselines(Baseline[] slots) {
        this.slots = slots;
    }

    public static Baselines none() {
        return new Baselines(new Baseline[Baseline.SLOTS]);
    }

    public Baselines with(Baseline baseline) {
        Baseline[] copy = Arrays.copyOf(slots, slots.length);
        copy[baseline.slot()] = baseline;
        return new Baselines(copy);
    }

    public Baselines cleared(int slot) {
        Baseline[] copy = Arrays.copyOf(slots, slots.length);
        copy[slot] = null;
        return new Baselines(copy);
    }

    public Optional<Baseline> slot(int slot) {
        if (slot < 0 || slot >= Baseline.SLOTS) {
            throw new IllegalArgumentException("baseline slot must be 0..10: " + slot);
        }
        return Optional.ofNullable(slots[slot]);
    }
}
