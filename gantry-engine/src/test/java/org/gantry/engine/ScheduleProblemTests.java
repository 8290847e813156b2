package org.gantry.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.gantry.engine.Networks.finishStart;
import static org.gantry.engine.Networks.id;
import static org.gantry.engine.Networks.task;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleProblemTests {

    private static ScheduleProblem problemOf(ProjectNetwork network) {
        return catchThrowableOfType(() -> Scheduler.schedule(network), ScheduleException.class)
                .problem();
    }

    @Test
    void aDependencyCycleNamesTheTasksOnIt() {
        ProjectNetwork network = Networks.network(
                List.of(task("Start", 1), task("A", 1), task("B", 1), task("C", 1)),
                List.of(
                        finishStart("Start", "A"),
                        finishStart("A", "B"),
                        finishStart("B", "C"),
                        finishStart("C", "A")));

        ScheduleProblem problem = problemOf(network);

        assertThat(problem).isInstanceOf(ScheduleProblem.DependencyCycle.class);
        List<TaskId> cycle = ((ScheduleProblem.DependencyCycle) problem).cycle();
        assertThat(cycle).containsExactly(id("A"), id("B"), id("C"), id("A"));
    }

    @Test
    void aLinkToItselfIsRefused() {
        assertThat(problemOf(Networks.network(List.of(task("A", 1)), List.of(finishStart("A", "A")))))
                .isEqualTo(new ScheduleProblem.LinkToItself(id("A")));
    }

    @Test
    void aNegativeDurationIsRefused() {
        assertThat(problemOf(Networks.network(List.of(task("A", -1)), List.of())))
                .isEqualTo(new ScheduleProblem.NegativeDuration(id("A"), WorkDuration.days(-1)));
    }

    @Test
    void anUnknownCalendarIsRefused() {
        ScheduleProblem problem =
                problemOf(Networks.network(List.of(task("A", 1).withCalendar(CalendarId.of("Moon"))), List.of()));
        assertThat(problem).isInstanceOf(ScheduleProblem.UnknownCalendar.class);
        assertThat(((ScheduleProblem.UnknownCalendar) problem).calendar()).isEqualTo(CalendarId.of("Moon"));
    }

    @Test
    void aLinkToAnUnknownTaskIsRefused() {
        assertThat(problemOf(Networks.network(List.of(task("A", 1)), List.of(finishStart("A", "Ghost")))))
                .isInstanceOf(ScheduleProblem.UnknownTask.class);
    }

    @Test
    void aConstraintWithoutADateIsRefused() {
        assertThat(problemOf(Networks.network(
                        List.of(task("A", 1).withConstraint(ConstraintType.MUST_START_ON, null)), List.of())))
                .isEqualTo(new ScheduleProblem.MissingConstraintDate(id("A"), ConstraintType.MUST_START_ON));
    }

    @Test
    void aCalendarWithoutWorkingTimeIsReported() {
        WorkingCalendar never = new WorkingCalendar(CalendarId.of("never"), null, java.util.Map.of(), List.of());
        ProjectNetwork network =
                Networks.network(List.of(task("A", 1)), List.of()).withCalendars(never.id(), List.of(never));
        assertThat(problemOf(network)).isEqualTo(new ScheduleProblem.NoWorkingTime(never.id()));
    }
}
