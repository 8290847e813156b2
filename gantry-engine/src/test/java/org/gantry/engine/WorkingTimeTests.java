package org.gantry.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkingTimeTests {
    private final WorkingTime standard = WorkingTime.of(WorkingCalendar.standard());

    private static LocalDateTime at(int day, int hour, int minute) {
        return LocalDateTime.of(2024, 3, day, hour, minute);
    }

    @Test
    void aWorkingDayEndsAtFiveNotAtEightNextMorning() {
        assertThat(standard.add(at(4, 8, 0), 480)).isEqualTo(at(4, 17, 0));
    }

    @Test
    void lunchIsSkipped() {
        assertThat(standard.add(at(4, 11, 0), 120)).isEqualTo(at(4, 14, 0));
    }

    @Test
    void weekendsAreSkipped() {
        assertThat(standard.add(at(8, 16, 0), 120)).isEqualTo(at(11, 9, 0));
    }

    @Test
    void subtractingLandsOnTheStartOfWorkingTime() {
        assertThat(standard.subtract(at(11, 9, 0), 120)).isEqualTo(at(8, 16, 0));
        assertThat(standard.subtract(at(5, 8, 0), 480)).isEqualTo(at(4, 8, 0));
    }

    @Test
    void workBetweenCountsOnlyWorkingMinutes() {
        assertThat(standard.workBetween(at(8, 8, 0), at(11, 17, 0))).isEqualTo(960);
        assertThat(standard.workBetween(at(11, 17, 0), at(8, 8, 0))).isEqualTo(-960);
        assertThat(standard.workBetween(at(8, 17, 0), at(11, 8, 0))).isZero();
    }

    @Test
    void nextWorkStartSkipsNightsLunchAndWeekends() {
        assertThat(standard.nextWorkStart(at(4, 17, 0))).isEqualTo(at(5, 8, 0));
        assertThat(standard.nextWorkStart(at(4, 12, 30))).isEqualTo(at(4, 13, 0));
        assertThat(standard.nextWorkStart(at(9, 10, 0))).isEqualTo(at(11, 8, 0));
        assertThat(standard.nextWorkStart(at(4, 9, 15))).isEqualTo(at(4, 9, 15));
    }

    @Test
    void previousWorkFinishIsTheEndOfTheLastWorkingPeriod() {
        assertThat(standard.previousWorkFinish(at(11, 8, 0))).isEqualTo(at(8, 17, 0));
    }

    @Test
    void holidaysAreNotWorkingTime() {
        WorkingTime withHoliday = WorkingTime.of(WorkingCalendar.standard().withHolidays(LocalDate.of(2024, 3, 5)));
        assertThat(withHoliday.add(at(4, 8, 0), 960)).isEqualTo(at(6, 17, 0));
    }

    @Test
    void anExtraWorkingDayAddsWorkingTime() {
        WorkingCalendar saturday = WorkingCalendar.standard()
                .withException(CalendarException.workingDay(
                        LocalDate.of(2024, 3, 9), List.of(WorkingPeriod.of("09:00", "13:00"))));
        assertThat(WorkingTime.of(saturday).add(at(8, 16, 0), 120)).isEqualTo(at(9, 10, 0));
    }

    @Test
    void aYearlyHolidayRepeatsEveryYear() {
        WorkingCalendar christmas = WorkingCalendar.standard()
                .withException(CalendarException.yearlyHoliday(LocalDate.of(2020, 12, 25), 2030));
        WorkingTime time = WorkingTime.of(christmas);
        assertThat(time.isWorking(LocalDateTime.of(2024, 12, 25, 9, 0))).isFalse();
        assertThat(time.isWorking(LocalDateTime.of(2026, 12, 25, 9, 0))).isFalse();
        assertThat(time.isWorking(LocalDateTime.of(2031, 12, 25, 9, 0))).isTrue();
    }

    @Test
    void aDerivedCalendarKeepsItsBaseWeekAndAddsItsOwnHolidays() {
        WorkingCalendar base = WorkingCalendar.standard(CalendarId.of("base"));
        WorkingCalendar derived = WorkingCalendar.derived(
                CalendarId.of("team"), base.id(), List.of(CalendarException.holiday(LocalDate.of(2024, 3, 4))));
        WorkingTime time = WorkingTime.of(derived, List.of(base));
        assertThat(time.nextWorkStart(at(4, 8, 0))).isEqualTo(at(5, 8, 0));
        assertThat(time.add(at(5, 8, 0), 480)).isEqualTo(at(5, 17, 0));
    }

    @Test
    void aDerivedCalendarCanChangeOneDayOfTheWeek() {
        WorkingCalendar base = WorkingCalendar.standard(CalendarId.of("base"));
        WorkingCalendar derived = new WorkingCalendar(
                        CalendarId.of("short-fridays"), base.id(), java.util.Map.of(), List.of())
                .withDay(DayOfWeek.FRIDAY, List.of(WorkingPeriod.of("08:00", "12:00")));
        WorkingTime time = WorkingTime.of(derived, List.of(base));
        assertThat(time.add(at(8, 8, 0), 300)).isEqualTo(at(11, 9, 0));
    }

    @Test
    void aTwentyFourHourCalendarNeverStops() {
        WorkingTime allDay = WorkingTime.of(WorkingCalendar.twentyFourHours(CalendarId.of("24h")));
        assertThat(allDay.add(at(8, 20, 0), 24 * 60 * 2)).isEqualTo(at(10, 20, 0));
    }

    @Test
    void theNightShiftWorksAcrossMidnight() {
        WorkingTime night = WorkingTime.of(WorkingCalendar.nightShift(CalendarId.of("night")));
        // Monday 23:00 to Tuesday 08:00 is eight hours of work with an hour's break at 03:00.
        assertThat(night.add(at(4, 23, 0), 480)).isEqualTo(at(5, 8, 0));
    }

    @Test
    void farDatesExtendTheTablesOnDemand() {
        LocalDateTime far = LocalDateTime.of(2031, 6, 2, 8, 0); // a Monday
        assertThat(standard.add(far, 480)).isEqualTo(far.withHour(17));
        assertThat(standard.nextWorkStart(LocalDateTime.of(1999, 1, 2, 8, 0)))
                .isEqualTo(LocalDateTime.of(1999, 1, 4, 8, 0));
    }

    @Test
    void workRunningPastTheLastSupportedDateHasNoWorkingTimeAndLeavesOtherDatesAlone() {
        // The standard calendar's tables are shared by every project using it (CalendarCache). A plan in
        // 2200 asking for three centuries of work used to stretch the shared table so far that a date in
        // 1950 could no longer be added to it: one project's dates made another's unschedulable.
        LocalDateTime late = LocalDateTime.of(2200, 6, 2, 8, 0);
        assertThatThrownBy(() -> standard.add(late, 300L * 2080 * 60))
                .isInstanceOfSatisfying(ScheduleException.class, e -> assertThat(e.problem())
                        .isInstanceOf(ScheduleProblem.NoWorkingTime.class));
        LocalDateTime early = LocalDateTime.of(1950, 6, 5, 8, 0); // a Monday
        assertThat(standard.add(early, 480)).isEqualTo(early.withHour(17));
        assertThat(standard.add(late, 480)).isEqualTo(late.withHour(17));
        assertThat(standard.add(at(4, 8, 0), 480)).isEqualTo(at(4, 17, 0));
    }

    @Test
    void datesBeforeTheFirstSupportedDayHaveNoWorkingTime() {
        assertThatThrownBy(() -> standard.nextWorkStart(LocalDateTime.of(1700, 1, 4, 8, 0)))
                .isInstanceOf(ScheduleException.class);
        assertThatThrownBy(() -> standard.subtract(LocalDateTime.of(1900, 1, 2, 8, 0), 200L * 2080 * 60))
                .isInstanceOf(ScheduleException.class);
        assertThat(standard.nextWorkStart(LocalDateTime.of(1900, 1, 6, 8, 0)))
                .isEqualTo(LocalDateTime.of(1900, 1, 8, 8, 0));
    }

    @Test
    void aWeeklyRecurringHolidayTakesEveryFridayOff() {
        WorkingCalendar fridaysOff = WorkingCalendar.standard()
                .withException(CalendarException.recurringHoliday(
                        LocalDate.of(2024, 3, 1),
                        Recurrence.weekly(java.util.Set.of(DayOfWeek.FRIDAY), LocalDate.of(2024, 3, 31))));
        WorkingTime time = WorkingTime.of(fridaysOff);
        assertThat(time.add(at(7, 8, 0), 960)).isEqualTo(at(11, 17, 0));
        assertThat(time.isWorking(LocalDateTime.of(2024, 4, 5, 9, 0))).isTrue();
    }

    @Test
    void aMonthlyRecurringExceptionFallsOnTheSameDayOfEveryOtherMonth() {
        Recurrence everyOtherMonth =
                new Recurrence(Recurrence.Frequency.MONTHLY, 2, java.util.Set.of(), LocalDate.of(2024, 12, 31));
        WorkingTime time = WorkingTime.of(WorkingCalendar.standard()
                .withException(CalendarException.recurringHoliday(LocalDate.of(2024, 1, 15), everyOtherMonth)));
        assertThat(time.isWorking(LocalDateTime.of(2024, 1, 15, 9, 0))).isFalse();
        assertThat(time.isWorking(LocalDateTime.of(2024, 2, 15, 9, 0))).isTrue();
        assertThat(time.isWorking(LocalDateTime.of(2024, 3, 15, 9, 0))).isFalse();
    }

    @Test
    void aDailyRecurrenceRepeatsEveryFewDaysUntilItsEnd() {
        Recurrence everyThirdDay =
                new Recurrence(Recurrence.Frequency.DAILY, 3, java.util.Set.of(), LocalDate.of(2024, 3, 10));
        WorkingTime time = WorkingTime.of(WorkingCalendar.standard()
                .withException(CalendarException.recurringHoliday(LocalDate.of(2024, 3, 4), everyThirdDay)));
        assertThat(time.isWorking(at(4, 9, 0))).isFalse();
        assertThat(time.isWorking(at(5, 9, 0))).isTrue();
        assertThat(time.isWorking(at(7, 9, 0))).isFalse();
        assertThat(time.isWorking(at(13, 9, 0))).isTrue();
    }
}
