package org.gantry.interchange;

import java.time.LocalDateTime;

/**
 * A task whose dates in the imported file differ from the dates Gantry's engine gives it: both values and
 * what decides Gantry's date, so the user can choose which to keep.
 */
public record DateDifference(
        String taskKey,
        String taskName,
        LocalDateTime fileStart,
        LocalDateTime fileFinish,
        LocalDateTime gantryStart,
        LocalDateTime gantryFinish,
        String reason) {}
