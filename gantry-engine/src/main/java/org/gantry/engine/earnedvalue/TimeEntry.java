package org.gantry.engine.earnedvalue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** Hours a person spent on a task on one day. Its actual cost is the hours at the person's rate of that day. */
public record TimeEntry(String person, String task, LocalDate date, BigDecimal hours) {
    public TimeEntry {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(hours, "hours");
    }
}
