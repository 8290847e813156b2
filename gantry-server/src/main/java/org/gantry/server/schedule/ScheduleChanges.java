package org.gantry.server.schedule;

import java.time.LocalDateTime;
import java.util.List;
import org.gantry.engine.ConstraintType;

/**
 * Changes to a task's scheduling wishes; null fields stay as they are, {@code clear} names fields to
 * empty ("constraint" back to as soon as possible, "deadline"). {@code version} is required.
 */
record ScheduleChanges(
        ConstraintType constraintType,
        LocalDateTime constraintDate,
        LocalDateTime deadline,
        List<String> clear,
        Integer version) {}
