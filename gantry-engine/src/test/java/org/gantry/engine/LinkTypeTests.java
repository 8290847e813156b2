package org.gantry.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.engine.Networks.at;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Predecessor P lasts 2 days from Monday 08:00 (ends Tuesday 17:00); successor S lasts 1 day. */
class LinkTypeTests {

    private static ScheduledTask successor(LinkType type, WorkDuration lag) {
        return Scheduler.schedule(Networks.pair(type, lag)).task("S");
    }

    @Test
    void finishStartStartsTheSuccessorAtTheNextWorkingTimeAfterTheFinish() {
        assertThat(successor(LinkType.FINISH_START, WorkDuration.ZERO).earlyStart())
                .isEqualTo(at(3, 6, 8));
    }

    @Test
    void lagIsCountedInWorkingTime() {
        assertThat(successor(LinkType.FINISH_START, WorkDuration.days(1)).earlyStart())
                .isEqualTo(at(3, 7, 8));
        assertThat(successor(LinkType.FINISH_START, WorkDuration.hours(5)).earlyStart())
                .isEqualTo(at(3, 6, 14));
    }

    @Test
    void aLeadOverlapsTheSuccessorWithThePredecessor() {
        assertThat(successor(LinkType.FINISH_START, WorkDuration.hours(-4)).earlyStart())
                .isEqualTo(at(3, 5, 13));
    }

    @Test
    void elapsedLagCountsNightsAndWeekendsToo() {
        // Finish Tuesday 17:00 plus two elapsed days is Thursday 17:00: the successor starts Friday 08:00.
        assertThat(successor(LinkType.FINISH_START, new WorkDuration(2, DurationUnit.ELAPSED_DAYS))
                        .earlyStart())
                .isEqualTo(at(3, 8, 8));
    }

    @Test
    void percentLagIsAShareOfThePredecessorsDuration() {
        assertThat(successor(LinkType.START_START, WorkDuration.percent(50)).earlyStart())
                .isEqualTo(at(3, 5, 8));
    }

    @Test
    void startStartStartsTheSuccessorWithThePredecessor() {
        assertThat(successor(LinkType.START_START, WorkDuration.ZERO).earlyStart())
                .isEqualTo(at(3, 4, 8));
        assertThat(successor(LinkType.START_START, WorkDuration.hours(2)).earlyStart())
                .isEqualTo(at(3, 4, 10));
    }

    @Test
    void finishFinishEndsTheSuccessorWithThePredecessor() {
        ScheduledTask s = successor(LinkType.FINISH_FINISH, WorkDuration.ZERO);
        assertThat(s.earlyStart()).isEqualTo(at(3, 5, 8));
        assertThat(s.earlyFinish()).isEqualTo(at(3, 5, 17));
        assertThat(successor(LinkType.FINISH_FINISH, WorkDuration.days(1)).earlyFinish())
                .isEqualTo(at(3, 6, 17));
    }

    @Test
    void aNegativeFinishFinishLagNeverPullsATaskBeforeTheProjectStart() {
        assertThat(successor(LinkType.FINISH_FINISH, WorkDuration.days(-3)).earlyStart())
                .isEqualTo(Networks.START);
    }

    @Test
    void startFinishEndsTheSuccessorWhenThePredecessorStarts() {
        ProjectNetwork network = Networks.network(
                List.of(
                        Networks.task("P", 1).withConstraint(ConstraintType.START_NO_EARLIER_THAN, at(3, 6, 8)),
                        Networks.task("S", 1)),
                List.of(Networks.link("P", "S", LinkType.START_FINISH, WorkDuration.ZERO)));

        ScheduledTask s = Scheduler.schedule(network).task("S");

        assertThat(s.earlyStart()).isEqualTo(at(3, 5, 8));
        assertThat(s.earlyFinish()).isEqualTo(at(3, 5, 17));
    }

    @Test
    void startFinishWithLagMovesTheSuccessorsFinishLater() {
        ProjectNetwork network = Networks.network(
                List.of(
                        Networks.task("P", 1).withConstraint(ConstraintType.START_NO_EARLIER_THAN, at(3, 6, 8)),
                        Networks.task("S", 1)),
                List.of(Networks.link("P", "S", LinkType.START_FINISH, WorkDuration.days(1))));

        assertThat(Scheduler.schedule(network).task("S").earlyFinish()).isEqualTo(at(3, 6, 17));
    }

    @Test
    void theBackwardPassUndoesTheLagOnThePredecessor() {
        Schedule schedule = Scheduler.schedule(Networks.pair(LinkType.FINISH_START, WorkDuration.days(1)));

        assertThat(schedule.task("P").lateFinish()).isEqualTo(at(3, 5, 17));
        assertThat(schedule.task("P").totalSlackMinutes()).isZero();
        assertThat(schedule.projectFinish()).isEqualTo(at(3, 7, 17));
    }

    @Test
    void freeSlackDiscountsTheLag() {
        ProjectNetwork network = Networks.network(
                List.of(Networks.task("P", 1), Networks.task("Q", 3), Networks.task("S", 1)),
                List.of(
                        Networks.link("P", "S", LinkType.FINISH_START, WorkDuration.days(1)),
                        Networks.finishStart("Q", "S")));

        assertThat(Scheduler.schedule(network).task("P").freeSlackMinutes()).isEqualTo(480);
    }

    private static ProjectNetwork startingWednesday(LinkType type, WorkDuration lag) {
        return Networks.network(
                List.of(
                        Networks.task("P", 1).withConstraint(ConstraintType.START_NO_EARLIER_THAN, at(3, 6, 8)),
                        Networks.task("S", 1)),
                List.of(Networks.link("P", "S", type, lag)));
    }

    @Test
    void aStartStartLeadStartsTheSuccessorBeforeThePredecessor() {
        assertThat(Scheduler.schedule(startingWednesday(LinkType.START_START, WorkDuration.days(-1)))
                        .task("S")
                        .earlyStart())
                .isEqualTo(at(3, 5, 8));
    }

    @Test
    void aStartFinishLeadEndsTheSuccessorEarlier() {
        ScheduledTask s = Scheduler.schedule(startingWednesday(LinkType.START_FINISH, WorkDuration.days(-1)))
                .task("S");
        assertThat(s.earlyStart()).isEqualTo(at(3, 4, 8));
        assertThat(s.earlyFinish()).isEqualTo(at(3, 4, 17));
    }

    private static Schedule besideAFiveDayTask(LinkType type, WorkDuration lag) {
        return Scheduler.schedule(Networks.network(
                List.of(Networks.task("P", 2), Networks.task("S", 1), Networks.task("Long", 5)),
                List.of(Networks.link("P", "S", type, lag))));
    }

    @Test
    void theBackwardPassThroughStartStartKeepsTheLagBetweenTheStarts() {
        Schedule schedule = besideAFiveDayTask(LinkType.START_START, WorkDuration.days(1));
        assertThat(schedule.task("S").lateStart()).isEqualTo(at(3, 8, 8));
        assertThat(schedule.task("P").lateStart()).isEqualTo(at(3, 7, 8));
        assertThat(schedule.task("P").lateFinish()).isEqualTo(at(3, 8, 17));
        assertThat(schedule.task("P").totalSlackMinutes()).isEqualTo(3 * 480);
    }

    @Test
    void theBackwardPassThroughFinishFinishKeepsTheLagBetweenTheFinishes() {
        Schedule schedule = besideAFiveDayTask(LinkType.FINISH_FINISH, WorkDuration.days(1));
        assertThat(schedule.task("P").lateFinish()).isEqualTo(at(3, 7, 17));
        assertThat(schedule.task("P").totalSlackMinutes()).isEqualTo(2 * 480);
    }

    @Test
    void theBackwardPassThroughALeadGivesThePredecessorLessRoom() {
        Schedule schedule = besideAFiveDayTask(LinkType.FINISH_START, WorkDuration.days(-1));
        // S may start Friday 08:00 at the latest; with a one-day lead P may finish Friday 17:00.
        assertThat(schedule.task("P").lateFinish()).isEqualTo(at(3, 8, 17));
        assertThat(schedule.task("S").earlyStart()).isEqualTo(at(3, 5, 8));
    }
}
