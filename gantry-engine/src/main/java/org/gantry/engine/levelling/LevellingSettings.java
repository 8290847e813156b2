package org.gantry.engine.levelling;

import java.time.Duration;

/**
 * How long to search. The search is bounded by the number of schedules it generates (one serial pass of
 * the schedule-generation scheme counts as one), which makes its result depend only on the project and
 * the seed; the time limit is a safety net for a slow or busy machine and makes the result depend on the
 * machine only when it is reached.
 */
public record LevellingSettings(long seed, int scheduleLimit, Duration timeLimit) {
    public LevellingSettings {
        if (scheduleLimit < 1) {
            throw new IllegalArgumentException("scheduleLimit must be positive");
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive");
        }
    }

    /** A search sized so that a 120-task project takes well under a second on one core. */
    public static LevellingSettings defaults() {
        return new LevellingSettings(1, 60_000, Duration.ofMillis(900));
    }

    public LevellingSettings withSeed(long newSeed) {
        return new LevellingSettings(newSeed, scheduleLimit, timeLimit);
    }

    public LevellingSettings withTimeLimit(Duration newTimeLimit) {
        return new LevellingSettings(seed, scheduleLimit, newTimeLimit);
    }

    public LevellingSettings withScheduleLimit(int newScheduleLimit) {
        return new LevellingSettings(seed, newScheduleLimit, timeLimit);
    }
}
