package org.gantry.server.schedule;

import java.time.Instant;

/** One of the eleven baseline slots (0 = "Baseline", 1..10 = "Baseline 1".."Baseline 10") and what it holds. */
record BaselineSlot(int slot, String name, long tasks, Instant capturedAt) {

    static String name(int slot) {
        return slot == 0 ? "Baseline" : "Baseline " + slot;
    }
}
