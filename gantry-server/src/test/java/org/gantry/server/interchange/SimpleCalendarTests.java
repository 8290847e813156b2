package org.gantry.server.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gantry.interchange.PlanCalendar;
import org.gantry.interchange.PlanCalendarException;
import org.gantry.interchange.PlanDay;
import org.gantry.interchange.PlanPeriod;
import org.gantry.interchange.PlanRecurrence;
import org.gantry.server.project.Holiday;
import org.gantry.server.project.WorkingCalendar;
import org.gantry.server.project.WorkingHours;
import org.junit.jupiter.api.Test;

class SimpleCalendarTests {
    private static Map<DayOfWeek, PlanDay> week(PlanDay day) {
        Map<DayOfWeek, PlanDay> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            week.put(d, day);
        }
        return week;
    }

    @Test
    void aDerivedCalendarTakesItsBasesDaysAndTheHoursMostDaysWork() {
        PlanCalendar standard = PlanCalendar.standard("1", "Standard");
        Map<DayOfWeek, PlanDay> days = week(PlanDay.INHERITED);
        days.put(
                DayOfWeek.FRIDAY,
                new PlanDay(PlanDay.Kind.WORKING, List.of(new PlanPeriod(LocalTime.of(8, 0), LocalTime.of(12, 0)))));
        days.put(DayOfWeek.MONDAY, PlanDay.NON_WORKING);
        PlanCalendar shortWeek = new PlanCalendar("2", "Short week", "1", days, List.of(), List.of());

        WorkingCalendar simple = SimpleCalendar.of(shortWeek, List.of(standard, shortWeek));

        assertThat(simple.workingDays())
                .containsExactly(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(simple.workingHours())
                .containsExactly(
                        new WorkingHours(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                        new WorkingHours(LocalTime.of(13, 0), LocalTime.of(17, 0)));
    }

    @Test
    void aTwentyFourHourCalendarWorksEveryDayUntilOneMinuteToMidnight() {
        PlanCalendar allDay = new PlanCalendar(
                "3",
                "24 Hours",
                null,
                week(new PlanDay(
                        PlanDay.Kind.WORKING, List.of(new PlanPeriod(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)))),
                List.of(),
                List.of());

        WorkingCalendar simple = SimpleCalendar.of(allDay, List.of(allDay));

        assertThat(simple.workingDays()).hasSize(7);
        assertThat(simple.workingHours()).containsExactly(new WorkingHours(LocalTime.MIDNIGHT, LocalTime.of(23, 59)));
    }

    @Test
    void oneOffDaysOffBecomeHolidaysAndRecurringOnesStayInTheStoredCalendar() {
        PlanRecurrence yearly = new PlanRecurrence(
                PlanRecurrence.Pattern.YEARLY, 1, LocalDate.of(2025, 1, 1), null, 5, Set.of(), false, 1, null, 1);
        PlanCalendar calendar = new PlanCalendar(
                "1",
                "Standard",
                null,
                PlanCalendar.standard("1", "Standard").week(),
                List.of(),
                List.of(
                        new PlanCalendarException(
                                "Shutdown", LocalDate.of(2025, 8, 4), LocalDate.of(2025, 8, 6), List.of(), null),
                        new PlanCalendarException(
                                "Saturday shift",
                                LocalDate.of(2025, 8, 9),
                                LocalDate.of(2025, 8, 9),
                                List.of(new PlanPeriod(LocalTime.of(8, 0), LocalTime.of(12, 0))),
                                null),
                        new PlanCalendarException(
                                "New year", LocalDate.of(2025, 1, 1), LocalDate.of(2029, 1, 1), List.of(), yearly)));

        WorkingCalendar simple = SimpleCalendar.of(calendar, List.of(calendar));

        assertThat(simple.holidays())
                .containsExactly(
                        new Holiday(LocalDate.of(2025, 8, 4), "Shutdown"),
                        new Holiday(LocalDate.of(2025, 8, 5), "Shutdown"),
                        new Holiday(LocalDate.of(2025, 8, 6), "Shutdown"));
    }

    @Test
    void aCalendarWithoutWorkingDaysGivesTheStandardWeek() {
        PlanCalendar never = new PlanCalendar("9", "Never", null, week(PlanDay.NON_WORKING), List.of(), List.of());

        WorkingCalendar simple = SimpleCalendar.of(never, List.of(never));

        assertThat(simple.workingDays()).isEqualTo(WorkingCalendar.standard().workingDays());
        assertThat(simple.workingHours()).isEqualTo(WorkingCalendar.standard().workingHours());
    }
}
