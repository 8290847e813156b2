package org.gantry.engine;

import java.util.Objects;

/**
 * A work resource assigned to a task: {@code units} is the share of the resource's time (1.0 = 100 %),
 * {@code work} the effort and {@code remainingWork} what is left of it; {@code overtimeWork} is the part of
 * the work done as overtime, which does not take working time on the calendar. The resource works on its
 * own {@code calendar}, starting {@code delay} of working time after the task starts, so a task driven by
 * its assignments lasts {@code delay + (work - overtimeWork) / (units * contour share)} on that calendar.
 */
public record Assignment(
        String resource,
        CalendarId calendar,
        double units,
        WorkDuration work,
        WorkDuration remainingWork,
        WorkDuration overtimeWork,
        WorkDuration remainingOvertimeWork,
        WorkDuration delay,
        WorkContour contour) {
    public Assignment {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(work, "work");
        remainingWork = remainingWork == null ? work : remainingWork;
        overtimeWork = overtimeWork == null ? WorkDuration.ZERO : overtimeWork;
        remainingOvertimeWork = remainingOvertimeWork == null ? overtimeWork : remainingOvertimeWork;
        delay = delay == null ? WorkDuration.ZERO : delay;
        contour = contour == null ? WorkContour.FLAT : contour;
    }

    public static Assignment of(String resource, CalendarId calendar, double units, WorkDuration work) {
        return new Assignment(resource, calendar, units, work, work, null, null, null, null);
    }

    /** The same assignment starting {@code newDelay} after the task (null: with the task). */
    public Assignment withDelay(WorkDuration newDelay) {
        return new Assignment(
                resource, calendar, units, work, remainingWork, overtimeWork, remainingOvertimeWork, newDelay, contour);
    }
}
