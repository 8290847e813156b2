package org.gantry.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.engine.Networks.at;
import static org.gantry.engine.Networks.finishStart;
import static org.gantry.engine.Networks.id;
import static org.gantry.engine.Networks.task;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Summary S holds A (2 d) then B (1 d); X (1 d) precedes S and Y (1 d) follows it. */
class SummaryTests {

    private static Schedule scheduled() {
        return Scheduler.schedule(Networks.network(
                List.of(
                        task("X", 1),
                        Task.summary(id("S")),
                        task("A", 2).withParent(id("S")),
                        task("B", 1).withParent(id("S")),
                        task("Y", 1)),
                List.of(finishStart("X", "S"), finishStart("A", "B"), finishStart("S", "Y"))));
    }

    @Test
    void aLinkIntoASummaryHoldsBackEveryChild() {
        Schedule schedule = scheduled();
        assertThat(schedule.task("A").start()).isEqualTo(at(3, 5, 8));
    }

    @Test
    void aSummaryRollsUpItsChildren() {
        ScheduledTask summary = scheduled().task("S");
        assertThat(summary.summary()).isTrue();
        assertThat(summary.start()).isEqualTo(at(3, 5, 8));
        assertThat(summary.finish()).isEqualTo(at(3, 7, 17));
        assertThat(summary.lateFinish()).isEqualTo(at(3, 7, 17));
        assertThat(summary.totalSlackMinutes()).isZero();
    }

    @Test
    void aLinkFromASummaryWaitsForItsLastChild() {
        assertThat(scheduled().task("Y").start()).isEqualTo(at(3, 8, 8));
    }

    @Test
    void summariesAreNotOnTheCriticalPath() {
        assertThat(scheduled().criticalPath()).containsExactly(id("X"), id("A"), id("B"), id("Y"));
    }

    @Test
    void nestedSummariesRollUpThroughEveryLevel() {
        Schedule schedule = Scheduler.schedule(Networks.network(
                List.of(
                        Task.summary(id("Outer")),
                        Task.summary(id("Inner")).withParent(id("Outer")),
                        task("A", 3).withParent(id("Inner")),
                        task("B", 1).withParent(id("Outer"))),
                List.of()));
        assertThat(schedule.task("Outer").finish()).isEqualTo(at(3, 6, 17));
        assertThat(schedule.task("Inner").finish()).isEqualTo(at(3, 6, 17));
        assertThat(schedule.task("B").totalSlackMinutes()).isEqualTo(2 * 480);
    }

    @Test
    void anInactiveTaskIsLeftOutOfTheSchedule() {
        Schedule schedule = Scheduler.schedule(
                Networks.network(List.of(task("A", 3).inactive(), task("B", 1)), List.of(finishStart("A", "B"))));
        assertThat(schedule.task("A").start()).isNull();
        assertThat(schedule.task("B").start()).isEqualTo(Networks.START);
    }

    @Test
    void aManuallyScheduledTaskKeepsItsDates() {
        Schedule schedule = Scheduler.schedule(Networks.network(
                List.of(task("A", 1).manuallyScheduled(at(3, 7, 8), at(3, 8, 17)), task("B", 1)),
                List.of(finishStart("A", "B"))));
        assertThat(schedule.task("A").start()).isEqualTo(at(3, 7, 8));
        assertThat(schedule.task("B").start()).isEqualTo(at(3, 11, 8));
    }

    @Test
    void aManuallyScheduledTaskIsNotHeldBackByAStartLinkToItsSuccessor() {
        Schedule schedule = Scheduler.schedule(Networks.network(
                List.of(task("M", 1).manuallyScheduled(at(3, 4, 8), at(3, 4, 17)), task("S", 1), task("Long", 5)),
                List.of(Networks.link("M", "S", LinkType.START_START, WorkDuration.days(2)))));
        assertThat(schedule.task("S").start()).isEqualTo(at(3, 6, 8));
        assertThat(schedule.task("M").lateFinish()).isEqualTo(at(3, 8, 17));
    }

    @Test
    void aStartNoEarlierThanOnASummaryHoldsBackItsChildren() {
        Schedule schedule = Scheduler.schedule(Networks.network(
                List.of(
                        Task.summary(id("S")).withConstraint(ConstraintType.START_NO_EARLIER_THAN, at(3, 6, 8)),
                        task("A", 1).withParent(id("S"))),
                List.of()));
        assertThat(schedule.task("A").start()).isEqualTo(at(3, 6, 8));
    }

    @Test
    void aFinishNoLaterThanOnASummaryBoundsItsChildrensLateFinish() {
        Schedule schedule = Scheduler.schedule(Networks.network(
                List.of(
                        Task.summary(id("S")).withConstraint(ConstraintType.FINISH_NO_LATER_THAN, at(3, 4, 17)),
                        task("A", 2).withParent(id("S"))),
                List.of()));
        assertThat(schedule.task("A").lateFinish()).isEqualTo(at(3, 4, 17));
        assertThat(schedule.task("A").totalSlackMinutes()).isEqualTo(-480);
    }
}
