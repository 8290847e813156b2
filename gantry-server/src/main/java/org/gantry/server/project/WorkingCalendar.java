package org.gantry.server.project;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/** When the project works: the working days of the week, the hours of a working day, and holidays. */
public record WorkingCalendar(List<DayOfWeek> workingDays, List<WorkingHours> workingHours, List<Holiday> holidays) {

    public static WorkingCalendar standard() {
        return new WorkingCalendar(
                List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                List.of(
                        new WorkingHours(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                        new WorkingHours(LocalTime.of(13, 0), LocalTime.of(17, 0))),
                List.of());
    }

    public long minutesPerDay() {
        return minutesPerDay(workingHours);
    }

    static long minutesPerDay(List<WorkingHours> hours) {
        return hours.stream()
                .mapToLong(h -> Duration.between(h.from(), h.to()).toMinutes())
                .sum();
    }
}
