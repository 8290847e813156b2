package org.gantry.server.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gantry.server.project.Holiday;
import org.gantry.server.project.WorkingCalendar;
import org.gantry.server.project.WorkingHours;

/**
 * Working-time arithmetic on a project calendar, just enough to move a task: where a working day
 * starts, and where a given number of working minutes from a start ends. Moving a task keeps its
 * duration in working time (a five-day task dropped on a Thursday ends on the next Wednesday, not on
 * Monday), as Microsoft Project does.
 */
final class WorkingTime {

    /** A calendar with no working hours would never end a task; a year of days is the search limit. */
    private static final int MOST_DAYS = 3660;

    private final Set<java.time.DayOfWeek> workingDays;
    private final List<WorkingHours> hours;
    private final Set<LocalDate> holidays;

    WorkingTime(WorkingCalendar calendar) {
        this.workingDays = Set.copyOf(calendar.workingDays());
        this.hours = calendar.workingHours().stream()
                .sorted(Comparator.comparing(WorkingHours::from))
                .toList();
        this.holidays = calendar.holidays().stream().map(Holiday::date).collect(Collectors.toSet());
    }

    boolean isWorkingDay(LocalDate day) {
        return workingDays.contains(day.getDayOfWeek()) && !holidays.contains(day) && !hours.isEmpty();
    }

    /** The start of the first working day on or after {@code day}. */
    LocalDateTime startOfWorkOnOrAfter(LocalDate day) {
        LocalDate candidate = day;
        for (int i = 0; i < MOST_DAYS && !isWorkingDay(candidate); i++) {
            candidate = candidate.plusDays(1);
        }
        return candidate.atTime(
                hours.isEmpty() ? LocalTime.MIDNIGHT : hours.get(0).from());
    }

    /**
     * Where {@code minutes} of work starting at {@code start} (a working moment) end. Zero minutes end
     * where they start, which is how a milestone's finish equals its start.
     */
    LocalDateTime finishAfter(LocalDateTime start, long minutes) {
        long left = minutes;
        LocalDate day = start.toLocalDate();
        LocalTime from = start.toLocalTime();
        for (int i = 0; i < MOST_DAYS && left > 0; i++) {
            if (isWorkingDay(day)) {
                for (WorkingHours period : hours) {
                    LocalTime begin = period.from().isAfter(from) ? period.from() : from;
                    if (!begin.isBefore(period.to())) {
                        continue;
                    }
                    long available =
                            java.time.Duration.between(begin, period.to()).toMinutes();
                    if (left <= available) {
                        return day.atTime(begin.plusMinutes(left));
                    }
                    left -= available;
                }
            }
            day = day.plusDays(1);
            from = LocalTime.MIDNIGHT;
        }
        return start;
    }
}
