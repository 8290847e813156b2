package org.gantry.server.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.gantry.engine.WorkingCalendar;
import org.gantry.engine.WorkingTime;
import org.gantry.server.task.DurationUnit;
import org.gantry.server.task.Priority;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskType;
import org.junit.jupiter.api.Test;

class CalendarLayoutTests {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final WorkingCalendar STANDARD = WorkingCalendar.standard();

    private static Task task(long id, LocalDate first, LocalDate last) {
        return new Task(
                id,
                1,
                null,
                (int) id,
                Long.toString(id),
                1,
                "Task " + id,
                "",
                TaskType.TASK,
                false,
                false,
                "todo",
                Priority.NORMAL,
                List.of(),
                List.of(),
                480,
                DurationUnit.DAYS,
                "1d",
                first.atTime(8, 0),
                last.atTime(17, 0),
                0,
                null,
                null,
                null,
                1);
    }

    private static List<CalendarLayout.Week> layout(LocalDate from, LocalDate to, Task... tasks) {
        return CalendarLayout.weeks(from, to, from, to, List.of(tasks), WorkingTime.of(STANDARD), Map.of(), MONDAY);
    }

    @Test
    void aTaskOverAWeekendIsOneBarPerWeekWithOpenEnds() {
        var weeks = layout(MONDAY, MONDAY.plusDays(13), task(1, MONDAY.plusDays(3), MONDAY.plusDays(8)));

        var first = weeks.get(0).bars().get(0);
        var second = weeks.get(1).bars().get(0);
        assertThat(first.column()).isEqualTo(3);
        assertThat(first.span()).isEqualTo(4);
        assertThat(first.continuesAfter()).isTrue();
        assertThat(second.column()).isZero();
        assertThat(second.span()).isEqualTo(2);
        assertThat(second.continuesBefore()).isTrue();
    }

    @Test
    void overlappingBarsGoToSeparateLanesAndFreeLanesAreReused() {
        var week = layout(
                        MONDAY,
                        MONDAY.plusDays(6),
                        task(1, MONDAY, MONDAY.plusDays(2)),
                        task(2, MONDAY.plusDays(1), MONDAY.plusDays(1)),
                        task(3, MONDAY.plusDays(3), MONDAY.plusDays(4)))
                .get(0);

        assertThat(week.bars())
                .extracting(bar -> bar.task().id() + "@" + bar.lane())
                .containsExactly("1@0", "2@1", "3@0");
        assertThat(week.lanes()).isEqualTo(2);
    }

    @Test
    void weekendsAndHolidaysAreNonWorkingDays() {
        var time = WorkingTime.of(STANDARD.withHolidays(MONDAY.plusDays(4)));
        var days = CalendarLayout.weeks(MONDAY, MONDAY, MONDAY, MONDAY, List.of(), time, Map.of(), MONDAY)
                .get(0)
                .days();

        assertThat(days.get(0).working()).isTrue();
        assertThat(days.get(4).working()).isFalse();
        assertThat(days.get(5).working()).isFalse();
    }

    @Test
    void movingKeepsTheWorkingDurationAcrossAWeekend() {
        var time = WorkingTime.of(STANDARD);
        LocalDateTime start = CalendarLayout.startOfWorkOnOrAfter(time, MONDAY.plusDays(3));

        assertThat(start).isEqualTo(MONDAY.plusDays(3).atTime(8, 0));
        assertThat(time.add(start, 5 * 480)).isEqualTo(MONDAY.plusDays(9).atTime(17, 0));
    }

    @Test
    void droppingOnASaturdayStartsOnTheNextWorkingDay() {
        var time = WorkingTime.of(STANDARD);

        assertThat(CalendarLayout.startOfWorkOnOrAfter(time, MONDAY.plusDays(5)))
                .isEqualTo(MONDAY.plusDays(7).atTime(8, 0));
    }

    @Test
    void aFinishAtMidnightEndsOnThePreviousDay() {
        Task task = task(1, MONDAY, MONDAY);
        Task midnight = new Task(
                1,
                1,
                null,
                1,
                "1",
                1,
                "Night",
                "",
                TaskType.TASK,
                false,
                false,
                "todo",
                Priority.NORMAL,
                List.of(),
                List.of(),
                1440,
                DurationUnit.DAYS,
                "1d",
                MONDAY.atStartOfDay(),
                MONDAY.plusDays(1).atStartOfDay(),
                0,
                null,
                null,
                null,
                1);

        assertThat(CalendarLayout.daysOf(task)).containsExactly(MONDAY, MONDAY);
        assertThat(CalendarLayout.daysOf(midnight)).containsExactly(MONDAY, MONDAY);
    }
}
