package org.gantry.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gantry.engine.WorkingCalendar;
import org.gantry.engine.WorkingPeriod;
import org.gantry.engine.WorkingTime;
import org.junit.jupiter.api.Test;
import org.mpxj.ProjectCalendar;
import org.mpxj.ProjectCalendarException;
import org.mpxj.ProjectFile;
import org.mpxj.RecurrenceType;
import org.mpxj.RecurringData;

class PlanCalendarsTests {
    private static final LocalDate EARLIEST = LocalDate.of(2025, 3, 3);
    private static final LocalDate LATEST = LocalDate.of(2025, 12, 31);
    private static final PlanPeriod MORNING = new PlanPeriod(LocalTime.of(8, 0), LocalTime.of(12, 0));

    private static WorkingCalendar only(PlanCalendar calendar) {
        return PlanCalendars.toEngine(List.of(calendar), EARLIEST, LATEST).get(calendar.key());
    }

    private static long workOn(WorkingCalendar calendar, LocalDate day) {
        return WorkingTime.of(calendar)
                .workBetween(day.atStartOfDay(), day.plusDays(1).atStartOfDay());
    }

    private static PlanCalendar withExceptions(PlanCalendar calendar, PlanCalendarException... exceptions) {
        return new PlanCalendar(
                calendar.key(),
                calendar.name(),
                calendar.baseKey(),
                calendar.week(),
                calendar.workWeeks(),
                List.of(exceptions));
    }

    @Test
    void theStandardCalendarKeepsItsWeekAndHasNoExceptions() {
        WorkingCalendar converted = only(PlanCalendar.standard("1", "Standard"));

        assertThat(converted.id()).isEqualTo(PlanCalendars.id("1"));
        assertThat(converted.week().get(DayOfWeek.MONDAY))
                .containsExactly(WorkingPeriod.of("08:00", "12:00"), WorkingPeriod.of("13:00", "17:00"));
        assertThat(converted.week().get(DayOfWeek.SATURDAY)).isEmpty();
        assertThat(converted.exceptions()).isEmpty();
    }

    @Test
    void aOneOffHolidayIsNoWorkingTimeOnItsDatesOnly() {
        LocalDate monday = LocalDate.of(2025, 5, 5);
        WorkingCalendar converted = only(withExceptions(
                PlanCalendar.standard("1", "Standard"),
                new PlanCalendarException("Bridge days", monday, monday.plusDays(1), List.of(), null)));

        assertThat(workOn(converted, monday)).isZero();
        assertThat(workOn(converted, monday.plusDays(1))).isZero();
        assertThat(workOn(converted, monday.plusDays(2))).isEqualTo(480);
    }

    @Test
    void aRecurringHolidayFallsOnEveryOccurrenceAroundTheProject() {
        PlanRecurrence everyChristmas = new PlanRecurrence(
                PlanRecurrence.Pattern.YEARLY,
                1,
                LocalDate.of(2020, 12, 25),
                LocalDate.of(2030, 12, 25),
                null,
                Set.of(),
                false,
                25,
                null,
                12);
        WorkingCalendar converted = only(withExceptions(
                PlanCalendar.standard("1", "Standard"),
                new PlanCalendarException("Christmas", null, null, List.of(), everyChristmas)));

        // 25 December is a Thursday in 2025 and a Friday in 2026.
        assertThat(workOn(converted, LocalDate.of(2025, 12, 25))).isZero();
        assertThat(workOn(converted, LocalDate.of(2026, 12, 25))).isZero();
        assertThat(workOn(converted, LocalDate.of(2025, 12, 24))).isEqualTo(480);
    }

    @Test
    void aMonthlyRelativeRecurrenceTakesTheNthWeekdayOfEachMonth() {
        PlanRecurrence secondTuesday = new PlanRecurrence(
                PlanRecurrence.Pattern.MONTHLY,
                1,
                LocalDate.of(2025, 1, 1),
                null,
                12,
                Set.of(),
                true,
                2,
                DayOfWeek.TUESDAY,
                null);
        WorkingCalendar converted = only(withExceptions(
                PlanCalendar.standard("1", "Standard"),
                new PlanCalendarException("Town hall", null, null, List.of(MORNING), secondTuesday)));

        // The second Tuesdays of April and May 2025 are the 8th and the 13th: mornings only.
        assertThat(workOn(converted, LocalDate.of(2025, 4, 8))).isEqualTo(240);
        assertThat(workOn(converted, LocalDate.of(2025, 5, 13))).isEqualTo(240);
        assertThat(workOn(converted, LocalDate.of(2025, 4, 15))).isEqualTo(480);
    }

    @Test
    void aWorkWeekReplacesTheNormalWeekOnlyBetweenItsDates() {
        Map<DayOfWeek, PlanDay> summer = new EnumMap<>(PlanCalendar.standardWeek());
        summer.put(DayOfWeek.FRIDAY, new PlanDay(PlanDay.Kind.WORKING, List.of(MORNING)));
        PlanCalendar standard = PlanCalendar.standard("1", "Standard");
        PlanCalendar calendar = new PlanCalendar(
                "1",
                "Summer hours",
                null,
                standard.week(),
                List.of(new PlanWorkWeek("Summer", LocalDate.of(2025, 7, 1), LocalDate.of(2025, 8, 31), summer)),
                List.of());
        WorkingCalendar converted = only(calendar);

        assertThat(workOn(converted, LocalDate.of(2025, 7, 4))).isEqualTo(240);
        assertThat(workOn(converted, LocalDate.of(2025, 7, 3))).isEqualTo(480);
        assertThat(workOn(converted, LocalDate.of(2025, 9, 5))).isEqualTo(480);
    }

    @Test
    void aDerivedCalendarInheritsItsBasesDaysAndHolidaysAndAddsItsOwn() {
        LocalDate companyHoliday = LocalDate.of(2025, 6, 9);
        LocalDate leave = LocalDate.of(2025, 6, 11);
        PlanCalendar base = withExceptions(
                PlanCalendar.standard("1", "Standard"),
                new PlanCalendarException("Whit Monday", companyHoliday, companyHoliday, List.of(), null));
        Map<DayOfWeek, PlanDay> inherited = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            inherited.put(day, PlanDay.INHERITED);
        }
        inherited.put(DayOfWeek.SATURDAY, new PlanDay(PlanDay.Kind.WORKING, List.of(MORNING)));
        PlanCalendar person = new PlanCalendar(
                "7",
                "Dana",
                "1",
                inherited,
                List.of(),
                List.of(new PlanCalendarException("Leave", leave, leave, List.of(), null)));

        Map<String, WorkingCalendar> converted = PlanCalendars.toEngine(List.of(person, base), EARLIEST, LATEST);

        WorkingCalendar dana = converted.get("7");
        assertThat(dana.id()).isEqualTo(PlanCalendars.id("7"));
        assertThat(workOn(dana, LocalDate.of(2025, 6, 10))).isEqualTo(480);
        assertThat(workOn(dana, companyHoliday)).isZero();
        assertThat(workOn(dana, leave)).isZero();
        assertThat(workOn(dana, LocalDate.of(2025, 6, 14)))
                .as("her Saturday morning")
                .isEqualTo(240);
        assertThat(workOn(converted.get("1"), leave)).isEqualTo(480);
        assertThat(workOn(converted.get("1"), LocalDate.of(2025, 6, 14))).isZero();
    }

    @Test
    void aPlanCalendarReadFromAFileConvertsToTheCalendarTheFilesImportSchedulesOn() {
        ProjectFile file = new ProjectFile();
        ProjectCalendar standard = file.addDefaultBaseCalendar();
        file.getProjectProperties().setDefaultCalendar(standard);
        file.getProjectProperties().setStartDate(LocalDateTime.of(2025, 3, 3, 8, 0));
        standard.addCalendarException(LocalDate.of(2025, 4, 18), LocalDate.of(2025, 4, 21));
        RecurringData firstMonday = new RecurringData();
        firstMonday.setRecurrenceType(RecurrenceType.MONTHLY);
        firstMonday.setRelative(true);
        firstMonday.setDayNumber(1);
        firstMonday.setDayOfWeek(DayOfWeek.MONDAY);
        firstMonday.setFrequency(1);
        firstMonday.setStartDate(LocalDate.of(2025, 1, 1));
        firstMonday.setOccurrences(24);
        ProjectCalendarException planning = standard.addCalendarException(firstMonday);
        planning.add(new org.mpxj.LocalTimeRange(LocalTime.of(9, 0), LocalTime.of(11, 0)));
        org.mpxj.Task task = file.addTask();
        task.setName("Work");
        task.setDuration(org.mpxj.Duration.getInstance(20, org.mpxj.TimeUnit.DAYS));
        task.setStart(LocalDateTime.of(2025, 3, 3, 8, 0));
        task.setFinish(LocalDateTime.of(2025, 3, 28, 17, 0));

        WorkingCalendar imported =
                ProjectFileImport.convert(file).network().calendars().get(0);
        Plan plan = PlanReader.fromProjectFile(file, "calendar");
        WorkingCalendar stored = PlanCalendars.toEngine(
                        plan.calendars(), LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 28))
                .get(plan.properties().calendarKey());

        assertThat(stored.week()).isEqualTo(imported.week());
        assertThat(stored.exceptions()).isEqualTo(imported.exceptions()).isNotEmpty();
    }
}
