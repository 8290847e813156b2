package org.gantry.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.engine.Networks.at;

import org.junit.jupiter.api.Test;

/** Dates checked by hand on the standard calendar, starting Monday 4 March 2024 08:00. */
class NetworkShapeTests {

    @Test
    void aChainRunsTaskAfterTaskAcrossTheWeekend() {
        Schedule schedule = Scheduler.schedule(Networks.chainOf(3));

        assertThat(schedule.task("T1").earlyStart()).isEqualTo(at(3, 4, 8));
        assertThat(schedule.task("T1").earlyFinish()).isEqualTo(at(3, 5, 17));
        assertThat(schedule.task("T2").earlyStart()).isEqualTo(at(3, 6, 8));
        assertThat(schedule.task("T3").earlyStart()).isEqualTo(at(3, 8, 8));
        assertThat(schedule.task("T3").earlyFinish()).isEqualTo(at(3, 11, 17));
        assertThat(schedule.projectFinish()).isEqualTo(at(3, 11, 17));
    }

    @Test
    void everyTaskOfAChainIsCritical() {
        Schedule schedule = Scheduler.schedule(Networks.chainOf(3));

        assertThat(schedule.criticalPath()).containsExactly(TaskId.of("T1"), TaskId.of("T2"), TaskId.of("T3"));
        assertThat(schedule.task("T2").totalSlackMinutes()).isZero();
        assertThat(schedule.task("T2").lateStart())
                .isEqualTo(schedule.task("T2").earlyStart());
    }

    @Test
    void theShortBranchOfARhombusHasSlackUpToTheJoin() {
        Schedule schedule = Scheduler.schedule(Networks.rhombus());

        ScheduledTask shortBranch = schedule.task("C");
        assertThat(shortBranch.earlyStart()).isEqualTo(at(3, 5, 8));
        assertThat(shortBranch.earlyFinish()).isEqualTo(at(3, 5, 17));
        assertThat(shortBranch.lateStart()).isEqualTo(at(3, 7, 8));
        assertThat(shortBranch.lateFinish()).isEqualTo(at(3, 7, 17));
        assertThat(shortBranch.totalSlackMinutes()).isEqualTo(2 * 480);
        assertThat(shortBranch.freeSlackMinutes()).isEqualTo(2 * 480);
        assertThat(shortBranch.critical()).isFalse();
        assertThat(schedule.task("D").earlyStart()).isEqualTo(at(3, 8, 8));
        assertThat(schedule.criticalPath()).containsExactly(TaskId.of("A"), TaskId.of("B"), TaskId.of("D"));
    }

    @Test
    void aForkWithoutAJoinGivesTheShortBranchSlackToTheProjectFinish() {
        Schedule schedule = Scheduler.schedule(Networks.fork());

        assertThat(schedule.projectFinish()).isEqualTo(at(3, 8, 17));
        assertThat(schedule.task("B").earlyFinish()).isEqualTo(at(3, 6, 17));
        assertThat(schedule.task("B").lateFinish()).isEqualTo(at(3, 8, 17));
        assertThat(schedule.task("B").totalSlackMinutes()).isEqualTo(2 * 480);
        assertThat(schedule.task("B").freeSlackMinutes()).isEqualTo(2 * 480);
        assertThat(schedule.task("C").critical()).isTrue();
    }

    @Test
    void tasksWithoutPredecessorsStartAtTheProjectStart() {
        Schedule schedule = Scheduler.schedule(
                Networks.network(java.util.List.of(Networks.task("A", 1), Networks.task("B", 3)), java.util.List.of()));

        assertThat(schedule.task("A").earlyStart()).isEqualTo(Networks.START);
        assertThat(schedule.task("B").earlyStart()).isEqualTo(Networks.START);
        assertThat(schedule.task("A").totalSlackMinutes()).isEqualTo(2 * 480);
    }

    @Test
    void aMilestoneAfterATaskSitsAtTheTaskFinishNotTheNextMorning() {
        Schedule schedule = Scheduler.schedule(Networks.network(
                java.util.List.of(Networks.task("A", 1), Task.milestone(TaskId.of("M"))),
                java.util.List.of(Networks.finishStart("A", "M"))));

        assertThat(schedule.task("M").start()).isEqualTo(at(3, 4, 17));
        assertThat(schedule.task("M").finish()).isEqualTo(at(3, 4, 17));
    }

    @Test
    void rescheduleReusesTheCompiledCalendar() {
        ProjectNetwork network = Networks.chainOf(3);
        Scheduler.schedule(network);
        ProjectNetwork edited = network.withTasks(
                java.util.List.of(Networks.task("T1", 1), Networks.task("T2", 2), Networks.task("T3", 2)));

        Schedule schedule = Scheduler.schedule(edited);

        assertThat(schedule.projectFinish()).isEqualTo(at(3, 8, 17));
    }

    @Test
    void twoIndependentChainsOfEqualLengthAreTwoCriticalPaths() {
        Schedule schedule = Scheduler.schedule(Networks.network(
                java.util.List.of(
                        Networks.task("A", 2), Networks.task("B", 1), Networks.task("C", 1), Networks.task("D", 2)),
                java.util.List.of(Networks.finishStart("A", "B"), Networks.finishStart("C", "D"))));

        assertThat(schedule.criticalPaths())
                .containsExactlyInAnyOrder(
                        java.util.List.of(TaskId.of("A"), TaskId.of("B")),
                        java.util.List.of(TaskId.of("C"), TaskId.of("D")));
    }
}
