package org.gantry.interchange;

import java.time.LocalTime;
import java.util.Objects;

/** A stretch of working time within a day. A finish of 00:00 means midnight at the end of the day. */
public record PlanPeriod(LocalTime start, LocalTime finish) {
    public PlanPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(finish, "finish");
    }
}
