package org.gantry.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.engine.Networks.at;
import static org.gantry.engine.Networks.finishStart;
import static org.gantry.engine.Networks.task;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTests {

    @Test
    void aCompletedTaskKeepsItsActualDatesAndDrivesItsSuccessor() {
        Schedule schedule = Scheduler.schedule(Networks.network(
                List.of(task("A", 2).withProgress(Progress.finished(at(3, 4, 8), at(3, 7, 17))), task("B", 1)),
                List.of(finishStart("A", "B"))));
        assertThat(schedule.task("A").finish()).isEqualTo(at(3, 7, 17));
        assertThat(schedule.task("A").critical()).isFalse();
        assertThat(schedule.task("A").freeSlackMinutes()).isZero();
        assertThat(schedule.task("B").start()).isEqualTo(at(3, 8, 8));
    }

    @Test
    void aTaskInProgressRunsItsDurationFromItsActualStart() {
        Schedule schedule = Scheduler.schedule(Networks.network(
                List.of(task("A", 2).withProgress(Progress.startedOn(at(3, 5, 8), 50)), task("B", 1)),
                List.of(finishStart("A", "B"))));
        assertThat(schedule.task("A").start()).isEqualTo(at(3, 5, 8));
        assertThat(schedule.task("A").finish()).isEqualTo(at(3, 6, 17));
        assertThat(schedule.task("A").lateStart()).isEqualTo(at(3, 5, 8));
        assertThat(schedule.task("B").start()).isEqualTo(at(3, 7, 8));
    }

    @Test
    void aTaskInProgressMeasuresItsSlackAtTheFinish() {
        Schedule schedule = Scheduler.schedule(Networks.network(
                List.of(task("A", 1).withProgress(Progress.startedOn(at(3, 4, 8), 50)), task("Long", 3)), List.of()));
        assertThat(schedule.task("A").totalSlackMinutes()).isEqualTo(2 * 480);
    }

    @Test
    void levellingDelayPushesTheStartInElapsedTime() {
        Schedule schedule = Scheduler.schedule(Networks.network(
                List.of(task("A", 1).withLevelingDelay(new WorkDuration(2, DurationUnit.ELAPSED_DAYS))), List.of()));
        assertThat(schedule.task("A").start()).isEqualTo(at(3, 6, 8));
    }

    @Test
    void aSplitTaskSpansItsInterruptions() {
        Schedule schedule = Scheduler.schedule(
                Networks.network(List.of(task("A", 2).withSplitTime(WorkDuration.days(1))), List.of()));
        assertThat(schedule.task("A").finish()).isEqualTo(at(3, 6, 17));
    }

    @Test
    void anAssignmentAtHalfUnitsTakesTwiceAsLong() {
        Task task = task("A", 1)
                .withAssignments(List.of(Assignment.of("Ann", CalendarId.of("Standard"), 0.5, WorkDuration.hours(8))));
        Schedule schedule = Scheduler.schedule(Networks.network(List.of(task), List.of()));
        assertThat(schedule.task("A").finish()).isEqualTo(at(3, 5, 17));
    }

    @Test
    void aFixedDurationTaskIgnoresItsAssignmentsWork() {
        Task task = task("A", 1)
                .withType(TaskType.FIXED_DURATION)
                .withAssignments(List.of(Assignment.of("Ann", CalendarId.of("Standard"), 0.5, WorkDuration.hours(8))));
        Schedule schedule = Scheduler.schedule(Networks.network(List.of(task), List.of()));
        assertThat(schedule.task("A").finish()).isEqualTo(at(3, 4, 17));
    }

    @Test
    void aResourceOnItsOwnCalendarStretchesTheTask() {
        WorkingCalendar standard = WorkingCalendar.standard();
        WorkingCalendar away = WorkingCalendar.derived(
                CalendarId.of("Ann"),
                standard.id(),
                List.of(CalendarException.holiday(at(3, 4, 8).toLocalDate())));
        Task task = task("A", 1).withAssignments(List.of(Assignment.of("Ann", away.id(), 1, WorkDuration.hours(8))));
        ProjectNetwork network =
                Networks.network(List.of(task), List.of()).withCalendars(standard.id(), List.of(standard, away));
        assertThat(Scheduler.schedule(network).task("A").start()).isEqualTo(at(3, 5, 8));
    }

    @Test
    void anElapsedTaskKeepsItsLateFinishAtTheNextMorning() {
        Schedule schedule = Scheduler.schedule(Networks.network(
                List.of(task("Short", 1), Task.of("Clock", new WorkDuration(7, DurationUnit.ELAPSED_DAYS))),
                List.of()));
        // Seven elapsed days from Monday 08:00 end the next Monday 08:00, the project finish. A working
        // task's late finish moves back to Friday 17:00; the elapsed task keeps the Monday.
        assertThat(schedule.projectFinish()).isEqualTo(at(3, 11, 8));
        assertThat(schedule.task("Short").lateFinish()).isEqualTo(at(3, 8, 17));
        assertThat(schedule.task("Clock").lateFinish()).isEqualTo(at(3, 11, 8));
    }

    @Test
    void aTaskWithItsOwnCalendarIsWorkedOnlyWhenItsResourceWorksToo() {
        WorkingCalendar standard = WorkingCalendar.standard();
        WorkingCalendar mornings =
                WorkingCalendar.weekdays(CalendarId.of("mornings"), List.of(WorkingPeriod.of("08:00", "12:00")));
        WorkingCalendar afternoonsOff = WorkingCalendar.derived(CalendarId.of("Ann"), standard.id(), List.of())
                .withDay(java.time.DayOfWeek.MONDAY, List.of(WorkingPeriod.of("10:00", "17:00")));
        Task task = task("A", 1)
                .withCalendar(mornings.id())
                .withAssignments(List.of(Assignment.of("Ann", afternoonsOff.id(), 1, WorkDuration.hours(4))));
        ProjectNetwork network = Networks.network(List.of(task), List.of())
                .withCalendars(standard.id(), List.of(standard, mornings, afternoonsOff));
        // Monday: mornings 08-12 and Ann 10-12 share two hours; Tuesday 08-10 gives the other two.
        assertThat(Scheduler.schedule(network).task("A").finish()).isEqualTo(at(3, 5, 10));
    }

    @Test
    void remainingWorkCanBeMovedAfterTheStatusDate() {
        ProjectNetwork network = Networks.network(
                        List.of(task("A", 2).withProgress(Progress.startedOn(at(3, 4, 8), 50))), List.of())
                .withStatusDate(at(3, 6, 8))
                .withOptions(ProjectOptions.DEFAULTS.withRemainingWorkAfterStatusDate(true));
        // One day done on Monday; the remaining day resumes Wednesday at the status date.
        assertThat(Scheduler.schedule(network).task("A").finish()).isEqualTo(at(3, 6, 17));
        assertThat(Scheduler.schedule(network.withOptions(ProjectOptions.DEFAULTS))
                        .task("A")
                        .finish())
                .isEqualTo(at(3, 5, 17));
    }

    @Test
    void movingRemainingWorkAfterTheStatusDateLeavesTasksNotYetStartedWhereTheLinksPutThem() {
        // Project's option moves the remaining parts of tasks with progress; a task without progress keeps
        // its early start (Monday) even though the status date is Wednesday.
        ProjectNetwork network = Networks.network(List.of(task("B", 2)), List.of())
                .withStatusDate(at(3, 6, 8))
                .withOptions(ProjectOptions.DEFAULTS.withRemainingWorkAfterStatusDate(true));

        assertThat(Scheduler.schedule(network).task("B").start()).isEqualTo(at(3, 4, 8));
        assertThat(Scheduler.schedule(network).task("B").finish()).isEqualTo(at(3, 5, 17));
    }

    @Test
    void remainingWorkThatAlreadyResumesAtTheStatusDateIsNotMoved() {
        // Half of two days done by Monday 17:00, the status date: the remaining day runs on Tuesday.
        ProjectNetwork network = Networks.network(
                        List.of(task("A", 2).withProgress(Progress.startedOn(at(3, 4, 8), 50))), List.of())
                .withStatusDate(at(3, 4, 17))
                .withOptions(ProjectOptions.DEFAULTS.withRemainingWorkAfterStatusDate(true));

        assertThat(Scheduler.schedule(network).task("A").finish()).isEqualTo(at(3, 5, 17));
    }

    @Test
    void aStartLinkNoLongerHoldsBackATaskThatHasStarted() {
        Schedule schedule = Scheduler.schedule(Networks.network(
                List.of(
                        task("P", 2).withProgress(Progress.startedOn(at(3, 4, 8), 10)),
                        task("S", 1),
                        task("T", 4),
                        task("Long", 5)),
                List.of(
                        Networks.link("P", "S", LinkType.START_START, WorkDuration.ZERO),
                        Networks.finishStart("S", "T"))));
        // S must start Monday to leave T its four days, but P is already under way: the start-to-start
        // link is met, and only the project finish bounds P.
        assertThat(schedule.task("S").lateStart()).isEqualTo(at(3, 4, 8));
        assertThat(schedule.task("P").lateFinish()).isEqualTo(at(3, 8, 17));
        assertThat(schedule.task("P").totalSlackMinutes()).isEqualTo(3 * 480);
    }
}
