package org.gantry.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.engine.Networks.at;
import static org.gantry.engine.Networks.finishStart;
import static org.gantry.engine.Networks.link;
import static org.gantry.engine.Networks.task;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Backward-pass rules that no oracle file exercises on its own, checked by hand on the standard calendar
 * from Monday 4 March 2024 08:00.
 */
class LateDateRuleTests {

    @Test
    void aCompletedSuccessorNoLongerHoldsBackItsPredecessor() {
        // B was done on Monday although A, its predecessor, has not started: B no longer bounds A, whose
        // late finish is the project finish (W, five days, Friday 8 March 17:00).
        Schedule schedule = Scheduler.schedule(Networks.network(
                List.of(
                        task("A", 2),
                        task("B", 1).withProgress(Progress.finished(at(3, 4, 8), at(3, 4, 17))),
                        task("W", 5)),
                List.of(finishStart("A", "B"))));

        assertThat(schedule.task("A").lateFinish()).isEqualTo(at(3, 8, 17));
        assertThat(schedule.task("A").totalSlackMinutes()).isEqualTo(3 * 480);
    }

    @Test
    void aFinishToFinishLinkNeverPullsATaskBeforeTheProjectStart() {
        // S (3 d) would have to start two days before the project start to finish with P (1 d).
        Schedule schedule = Scheduler.schedule(Networks.network(
                List.of(task("P", 1), task("S", 3)),
                List.of(link("P", "S", LinkType.FINISH_FINISH, WorkDuration.ZERO))));

        assertThat(schedule.task("S").earlyStart()).isEqualTo(at(3, 4, 8));
        assertThat(schedule.task("S").earlyFinish()).isEqualTo(at(3, 6, 17));
    }

    @Test
    void aLinkFromASummarysStartHoldsBackOnlyTheChildThatStartsIt() {
        // Summary G holds X (1 d, Monday) then Y (1 d, Tuesday). G starts Z (4 d) start-to-start; W (5 d)
        // ends the project on Friday 8 March. Z may start Tuesday at the latest, so X (which is G's start)
        // must finish by Tuesday 17:00; Y, which starts later, is bound only by the project finish.
        Schedule schedule = Scheduler.schedule(Networks.network(
                List.of(
                        Task.summary(TaskId.of("G")),
                        task("X", 1).withParent(TaskId.of("G")),
                        task("Y", 1).withParent(TaskId.of("G")),
                        task("Z", 4),
                        task("W", 5)),
                List.of(finishStart("X", "Y"), link("G", "Z", LinkType.START_START, WorkDuration.ZERO))));

        assertThat(schedule.task("Z").lateStart()).isEqualTo(at(3, 5, 8));
        assertThat(schedule.task("X").lateFinish()).isEqualTo(at(3, 5, 17));
        assertThat(schedule.task("X").totalSlackMinutes()).isEqualTo(480);
        assertThat(schedule.task("Y").lateFinish()).isEqualTo(at(3, 8, 17));
        assertThat(schedule.task("Y").totalSlackMinutes()).isEqualTo(3 * 480);
    }

    @Test
    void aChainEndingBeforeTheProjectFinishHasSlackUpToIt() {
        // A (1 d) then B (1 d) end Tuesday; the project ends with W (5 d) on Friday: both have three days.
        Schedule schedule = Scheduler.schedule(
                Networks.network(List.of(task("A", 1), task("B", 1), task("W", 5)), List.of(finishStart("A", "B"))));

        assertThat(schedule.task("A").lateFinish()).isEqualTo(at(3, 7, 17));
        assertThat(schedule.task("A").totalSlackMinutes()).isEqualTo(3 * 480);
        assertThat(schedule.task("A").freeSlackMinutes()).isZero();
        assertThat(schedule.task("B").freeSlackMinutes()).isEqualTo(3 * 480);
        assertThat(schedule.criticalPath()).containsExactly(TaskId.of("W"));
    }
}
