package org.gantry.interchange;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.gantry.engine.ConstraintType;
import org.gantry.engine.DurationUnit;
import org.gantry.engine.LinkType;
import org.gantry.engine.TaskType;
import org.gantry.engine.WorkContour;

/** Small plans for tests, each showing one thing an import or export must carry. */
final class Plans {
    static final LocalDateTime MONDAY = LocalDateTime.of(2025, 3, 3, 8, 0);
    static final PlanProperties PROPERTIES = PlanProperties.standard("Website relaunch", MONDAY);

    private Plans() {}

    static PlanDuration days(double days) {
        return PlanDuration.of(days, DurationUnit.DAYS, PROPERTIES);
    }

    /**
     * A summary with a task, a second task and a milestone; FS+2d, SS and FS+50% links; a holiday and a
     * recurring day off; one person with rates on two tasks; a baseline.
     */
    static Plan relaunch() {
        PlanCalendar standard = new PlanCalendar(
                "1",
                "Standard",
                null,
                PlanCalendar.standardWeek(),
                List.of(),
                List.of(
                        new PlanCalendarException(
                                "Founders' day", LocalDate.of(2025, 3, 14), LocalDate.of(2025, 3, 14), List.of(), null),
                        new PlanCalendarException(
                                "Team day",
                                LocalDate.of(2025, 4, 1),
                                LocalDate.of(2025, 6, 3),
                                List.of(),
                                new PlanRecurrence(
                                        PlanRecurrence.Pattern.MONTHLY,
                                        1,
                                        LocalDate.of(2025, 4, 1),
                                        null,
                                        3,
                                        Set.of(),
                                        true,
                                        1,
                                        DayOfWeek.TUESDAY,
                                        null))));
        PlanTask design = PlanTask.of("1", null, 1, "Design", PlanDuration.ZERO_DAYS)
                .withKind(PlanTaskKind.SUMMARY)
                .withWbs("1")
                .withDates(MONDAY, MONDAY.plusDays(4).withHour(17));
        PlanTask wireframes = new PlanTask(
                "2",
                "1",
                2,
                "1.1",
                "Wireframes",
                "Mobile first.\nThen desktop.",
                PlanTaskKind.TASK,
                false,
                true,
                TaskType.FIXED_UNITS,
                true,
                days(3),
                1440L,
                MONDAY,
                MONDAY.plusDays(2).withHour(17),
                ConstraintType.START_NO_EARLIER_THAN,
                MONDAY,
                MONDAY.plusDays(10).withHour(17),
                50,
                MONDAY,
                null,
                700,
                null,
                null);
        PlanTask review = PlanTask.of("3", "1", 2, "Review", days(1)).withWbs("1.2");
        PlanTask signOff =
                PlanTask.of("4", null, 1, "Sign-off", PlanDuration.ZERO_DAYS).withWbs("2");
        PlanResource alice = new PlanResource(
                "1",
                "Alice Martin",
                "AM",
                "alice@example.org",
                "Design",
                PlanResourceKind.WORK,
                null,
                100,
                PlanRate.perHour("85.50"),
                PlanRate.perHour("120"),
                new BigDecimal("15.00"),
                null,
                null);
        return new Plan(
                new PlanProperties(
                        "Website relaunch",
                        "Gantry",
                        MONDAY,
                        MONDAY.plusDays(4).withHour(17),
                        null,
                        "1",
                        480,
                        2400,
                        20,
                        "EUR",
                        "€",
                        false,
                        null),
                List.of(standard),
                List.of(design, wireframes, review, signOff),
                List.of(
                        new PlanLink("2", "3", LinkType.FINISH_START, days(2), null),
                        new PlanLink("2", "4", LinkType.START_START, PlanDuration.ZERO_DAYS, null),
                        new PlanLink("3", "4", LinkType.FINISH_START, PlanDuration.ZERO_DAYS, 50.0)),
                List.of(alice),
                List.of(
                        new PlanAssignment(
                                "1",
                                "2",
                                "1",
                                100,
                                1440,
                                720,
                                720,
                                MONDAY,
                                MONDAY.plusDays(2).withHour(17),
                                WorkContour.FLAT),
                        new PlanAssignment("2", "3", "1", 50, 240, 0, 240, null, null, WorkContour.FLAT)),
                List.of(new PlanBaseline(
                        0, "2", MONDAY, MONDAY.plusDays(2).withHour(17), days(3), 1440L, new BigDecimal("1026.00"))),
                List.of());
    }
}
