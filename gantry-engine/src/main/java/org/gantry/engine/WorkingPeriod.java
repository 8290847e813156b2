package org.gantry.engine;

import java.time.LocalTime;

/**
 * One stretch of working time within a day, as minutes after midnight. {@code endMinute} may be 1440: a
 * period that runs to midnight (Microsoft Project writes that end as 00:00).
 */
public record WorkingPeriod(int startMinute, int endMinute) {
    public WorkingPeriod {
        if (startMinute < 0 || endMinute > 1440 || endMinute <= startMinute) {
            throw new IllegalArgumentException(
                    "working period must lie within one day and not be empty: " + startMinute + ".." + endMinute);
        }
    }

    /** A period from {@code start} to {@code end}; an end of 00:00 means midnight at the end of the day. */
    public static WorkingPeriod of(LocalTime start, LocalTime end) {
        int startMinute = start.getHour() * 60 + start.getMinute();
        int endMinute = end.getHour() * 60 + end.getMinute();
        if (endMinute == 0) {
            endMinute = 1440;
        }
        return new WorkingPeriod(startMinute, endMinute);
    }

    public static WorkingPeriod of(String start, String end) {
        return of(LocalTime.parse(start), LocalTime.parse(end));
    }

    public int minutes() {
        return endMinute - startMinute;
    }
}
