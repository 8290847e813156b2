package org.gantry.engine;

import java.util.Objects;

/**
 * A work resource assigned to a task: {@code units} is the share of the resource's time (1.0 = 100 %),
 * {@code work} the effort, {@code remainingWork} what is left of it. The resource works on its own
 * {@code calendar}, so a task driven by its assignments lasts {@code work / units} of that calendar.
 */
public record Assignment(
        String resource, CalendarId calendar, double units, WorkDuration work, WorkDuration remainingWork) {
    public Assignment {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(work, "work");
        remainingWork = remainingWork == null ? work : remainingWork;
    }

    public static Assignment of(String resource, CalendarId calendar, double units, WorkDuration work) {
        return new Assignment(resource, calendar, units, work, work);
    }
}
