package org.gantry.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.engine.Networks.at;
import static org.gantry.engine.Networks.finishStart;
import static org.gantry.engine.Networks.task;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** P (2 d) then S (1 d); S carries the constraint. Without it S runs Wednesday. */
class ConstraintTests {

    private static Schedule withConstraint(ConstraintType type, LocalDateTime date) {
        return Scheduler.schedule(Networks.network(
                List.of(task("P", 2), task("S", 1).withConstraint(type, date)), List.of(finishStart("P", "S"))));
    }

    @Test
    void startNoEarlierThanHoldsATaskBack() {
        Schedule schedule = withConstraint(ConstraintType.START_NO_EARLIER_THAN, at(3, 8, 8));
        assertThat(schedule.task("S").start()).isEqualTo(at(3, 8, 8));
        assertThat(schedule.task("P").freeSlackMinutes()).isEqualTo(2 * 480);
    }

    @Test
    void startNoEarlierThanBeforeTheLinksChangesNothing() {
        assertThat(withConstraint(ConstraintType.START_NO_EARLIER_THAN, at(3, 4, 8))
                        .task("S")
                        .start())
                .isEqualTo(at(3, 6, 8));
    }

    @Test
    void finishNoEarlierThanHoldsTheFinishBack() {
        Schedule schedule = withConstraint(ConstraintType.FINISH_NO_EARLIER_THAN, at(3, 11, 17));
        assertThat(schedule.task("S").start()).isEqualTo(at(3, 11, 8));
    }

    @Test
    void mustStartOnPinsTheStart() {
        assertThat(withConstraint(ConstraintType.MUST_START_ON, at(3, 12, 8))
                        .task("S")
                        .start())
                .isEqualTo(at(3, 12, 8));
    }

    @Test
    void mustFinishOnPinsTheFinish() {
        ScheduledTask s =
                withConstraint(ConstraintType.MUST_FINISH_ON, at(3, 12, 17)).task("S");
        assertThat(s.start()).isEqualTo(at(3, 12, 8));
        assertThat(s.finish()).isEqualTo(at(3, 12, 17));
    }

    @Test
    void startNoLaterThanEarlierThanTheLinksAllowGivesNegativeSlack() {
        Schedule schedule = withConstraint(ConstraintType.START_NO_LATER_THAN, at(3, 5, 8));
        // Project honours the constraint over the link and reports the conflict as negative slack.
        assertThat(schedule.task("S").start()).isEqualTo(at(3, 5, 8));
        assertThat(schedule.task("S").totalSlackMinutes()).isEqualTo(-480);
        assertThat(schedule.task("P").totalSlackMinutes()).isEqualTo(-480);
        assertThat(schedule.task("P").critical()).isTrue();
    }

    @Test
    void finishNoLaterThanAfterTheLinksChangesNothing() {
        Schedule schedule = withConstraint(ConstraintType.FINISH_NO_LATER_THAN, at(3, 8, 17));
        // The task is the last one: its late finish is the project finish, earlier than the constraint.
        assertThat(schedule.task("S").start()).isEqualTo(at(3, 6, 8));
        assertThat(schedule.task("S").lateFinish()).isEqualTo(at(3, 6, 17));
        assertThat(schedule.task("S").totalSlackMinutes()).isZero();
    }

    @Test
    void mustFinishOnBeforeThePredecessorsFinishGivesNegativeSlack() {
        Schedule schedule = withConstraint(ConstraintType.MUST_FINISH_ON, at(3, 5, 17));
        assertThat(schedule.task("S").finish()).isEqualTo(at(3, 5, 17));
        assertThat(schedule.task("S").totalSlackMinutes()).isEqualTo(-480);
        assertThat(schedule.task("P").lateFinish()).isEqualTo(at(3, 4, 17));
    }

    @Test
    void aDeadlineBeforeTheFinishGivesNegativeSlackButMovesNothing() {
        Schedule schedule = Scheduler.schedule(Networks.network(
                List.of(task("P", 2), task("S", 1).withDeadline(at(3, 5, 17))), List.of(finishStart("P", "S"))));
        assertThat(schedule.task("S").start()).isEqualTo(at(3, 6, 8));
        assertThat(schedule.task("S").totalSlackMinutes()).isEqualTo(-480);
        assertThat(schedule.task("P").totalSlackMinutes()).isEqualTo(-480);
    }

    @Test
    void asLateAsPossibleUsesTheLateDates() {
        Schedule schedule = Scheduler.schedule(Networks.network(
                List.of(task("Long", 5), task("Late", 1).withConstraint(Constraint.AS_LATE_AS_POSSIBLE)), List.of()));
        assertThat(schedule.task("Late").start()).isEqualTo(at(3, 8, 8));
        assertThat(schedule.task("Late").finish()).isEqualTo(at(3, 8, 17));
        assertThat(schedule.task("Late").earlyStart()).isEqualTo(at(3, 4, 8));
    }

    @Test
    void theSuccessorOfAnAsLateAsPossibleTaskFollowsItsLateFinish() {
        Schedule schedule = Scheduler.schedule(Networks.network(
                List.of(
                        task("Long", 5),
                        task("Late", 1).withConstraint(Constraint.AS_LATE_AS_POSSIBLE),
                        Task.milestone(TaskId.of("Done"))),
                List.of(finishStart("Late", "Done"))));
        assertThat(schedule.task("Done").start()).isEqualTo(at(3, 8, 17));
    }

    @Test
    void withoutHonouringConstraintDatesLinksWinAndTheConflictIsNegativeSlack() {
        ProjectNetwork network = Networks.network(
                        List.of(task("P", 2), task("S", 1).withConstraint(ConstraintType.MUST_START_ON, at(3, 5, 8))),
                        List.of(finishStart("P", "S")))
                .withOptions(ProjectOptions.DEFAULTS.withHonorConstraintDates(false));
        Schedule schedule = Scheduler.schedule(network);
        assertThat(schedule.task("S").start()).isEqualTo(at(3, 6, 8));
        assertThat(schedule.task("S").totalSlackMinutes()).isEqualTo(-480);
    }
}
