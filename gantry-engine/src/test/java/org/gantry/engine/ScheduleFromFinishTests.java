package org.gantry.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.engine.Networks.at;
import static org.gantry.engine.Networks.finishStart;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Projects scheduled from their finish date (Microsoft Project's "Schedule from: Project Finish Date"), on
 * the standard calendar (Mon-Fri 08:00-12:00, 13:00-17:00), finishing Friday 15 March 2024 17:00. Dates
 * checked by hand: the backward pass from the finish, then the forward pass from the earliest late start.
 */
class ScheduleFromFinishTests {
    private static final LocalDateTime FINISH = at(3, 15, 17);

    private static Task alap(String id, double days) {
        return Networks.task(id, days).withConstraint(ConstraintType.AS_LATE_AS_POSSIBLE, null);
    }

    private static Schedule fromFinish(List<Task> tasks, List<Link> links) {
        return Scheduler.schedule(Networks.network(tasks, links).withProjectFinish(FINISH));
    }

    @Test
    void aChainEndsAtTheProjectFinishAndTheProjectStartsWithItsFirstTask() {
        Schedule schedule = fromFinish(
                List.of(alap("T1", 2), alap("T2", 2), alap("T3", 2)),
                List.of(finishStart("T1", "T2"), finishStart("T2", "T3")));

        assertThat(schedule.task("T3").start()).isEqualTo(at(3, 14, 8));
        assertThat(schedule.task("T3").finish()).isEqualTo(at(3, 15, 17));
        assertThat(schedule.task("T2").start()).isEqualTo(at(3, 12, 8));
        assertThat(schedule.task("T2").finish()).isEqualTo(at(3, 13, 17));
        assertThat(schedule.task("T1").start()).isEqualTo(at(3, 8, 8));
        assertThat(schedule.task("T1").finish()).isEqualTo(at(3, 11, 17));
        assertThat(schedule.projectStart()).isEqualTo(at(3, 8, 8));
        assertThat(schedule.projectFinish()).isEqualTo(FINISH);
    }

    @Test
    void everyTaskOfAChainScheduledFromTheFinishIsCritical() {
        Schedule schedule = fromFinish(
                List.of(alap("T1", 2), alap("T2", 2), alap("T3", 2)),
                List.of(finishStart("T1", "T2"), finishStart("T2", "T3")));

        assertThat(schedule.task("T2").earlyStart()).isEqualTo(at(3, 12, 8));
        assertThat(schedule.task("T2").lateStart()).isEqualTo(at(3, 12, 8));
        assertThat(schedule.task("T2").totalSlackMinutes()).isZero();
        assertThat(schedule.criticalPath()).containsExactly(TaskId.of("T1"), TaskId.of("T2"), TaskId.of("T3"));
    }

    @Test
    void theShortBranchOfAForkSitsAgainstTheFinishWithSlackBackToTheFork() {
        // A (1 d) forks to B (2 d) and C (4 d). C fills Tue-Fri, so A is on Monday 11 March; B is placed as
        // late as possible (Thu-Fri) and could start as early as Tuesday: two days of slack.
        Schedule schedule = fromFinish(
                List.of(alap("A", 1), alap("B", 2), alap("C", 4)),
                List.of(finishStart("A", "B"), finishStart("A", "C")));

        assertThat(schedule.projectStart()).isEqualTo(at(3, 11, 8));
        assertThat(schedule.task("A").start()).isEqualTo(at(3, 11, 8));
        assertThat(schedule.task("A").finish()).isEqualTo(at(3, 11, 17));
        assertThat(schedule.task("C").start()).isEqualTo(at(3, 12, 8));
        ScheduledTask shortBranch = schedule.task("B");
        assertThat(shortBranch.start()).isEqualTo(at(3, 14, 8));
        assertThat(shortBranch.finish()).isEqualTo(at(3, 15, 17));
        assertThat(shortBranch.earlyStart()).isEqualTo(at(3, 12, 8));
        assertThat(shortBranch.earlyFinish()).isEqualTo(at(3, 13, 17));
        assertThat(shortBranch.lateStart()).isEqualTo(at(3, 14, 8));
        assertThat(shortBranch.totalSlackMinutes()).isEqualTo(2 * 480);
        assertThat(shortBranch.critical()).isFalse();
        assertThat(schedule.criticalPath()).containsExactly(TaskId.of("A"), TaskId.of("C"));
    }

    @Test
    void theProjectStartIsTheEarliestLateStartOfTwoJoiningBranches() {
        // B (3 d) and C (1 d) both lead into D (1 d, Friday 15). B runs Tue-Thu, C only Thursday late; the
        // project starts with B on Tuesday 12 March, and C may start as early as that.
        Schedule schedule = fromFinish(
                List.of(alap("B", 3), alap("C", 1), alap("D", 1)),
                List.of(finishStart("B", "D"), finishStart("C", "D")));

        assertThat(schedule.task("D").start()).isEqualTo(at(3, 15, 8));
        assertThat(schedule.task("B").start()).isEqualTo(at(3, 12, 8));
        assertThat(schedule.task("C").start()).isEqualTo(at(3, 14, 8));
        assertThat(schedule.task("C").earlyStart()).isEqualTo(at(3, 12, 8));
        assertThat(schedule.task("C").totalSlackMinutes()).isEqualTo(2 * 480);
        assertThat(schedule.task("C").freeSlackMinutes()).isEqualTo(2 * 480);
        assertThat(schedule.projectStart()).isEqualTo(at(3, 12, 8));
    }

    @Test
    void anAsSoonAsPossibleTaskInAProjectScheduledFromTheFinishKeepsItsEarlyDates() {
        // A (1 d, ALAP) forks to B (2 d, ASAP) and C (4 d, ALAP): B runs right after A, Tue-Wed.
        Schedule schedule = fromFinish(
                List.of(alap("A", 1), Networks.task("B", 2), alap("C", 4)),
                List.of(finishStart("A", "B"), finishStart("A", "C")));

        assertThat(schedule.task("B").start()).isEqualTo(at(3, 12, 8));
        assertThat(schedule.task("B").finish()).isEqualTo(at(3, 13, 17));
        assertThat(schedule.task("B").totalSlackMinutes()).isEqualTo(2 * 480);
    }

    @Test
    void aLagIsKeptWorkingTimeBeforeTheSuccessorWhenSchedulingBack() {
        // P (2 d) then S (1 d, Friday 15) after a one-day lag: P ends Wednesday 13 March 17:00.
        Schedule schedule = fromFinish(
                List.of(alap("P", 2), alap("S", 1)),
                List.of(Networks.link("P", "S", LinkType.FINISH_START, WorkDuration.days(1))));

        assertThat(schedule.task("P").finish()).isEqualTo(at(3, 13, 17));
        assertThat(schedule.task("P").start()).isEqualTo(at(3, 12, 8));
        assertThat(schedule.projectStart()).isEqualTo(at(3, 12, 8));
    }

    @Test
    void aStartNoEarlierThanHoldsATaskLaterThanItsSuccessorAllowsWhenSchedulingBack() {
        // P (2 d) must not start before Thursday 14 March; its successor S (1 d) ends the project on
        // Friday. Going back from S, P would end Thursday 17:00; the constraint wins and P runs Thu-Fri,
        // overlapping S, which shows as negative slack.
        Schedule schedule = fromFinish(
                List.of(
                        Networks.task("P", 2).withConstraint(ConstraintType.START_NO_EARLIER_THAN, at(3, 14, 8)),
                        alap("S", 1)),
                List.of(finishStart("P", "S")));

        assertThat(schedule.task("P").lateStart()).isEqualTo(at(3, 14, 8));
        assertThat(schedule.task("P").lateFinish()).isEqualTo(at(3, 15, 17));
        assertThat(schedule.task("P").start()).isEqualTo(at(3, 14, 8));
        assertThat(schedule.task("S").totalSlackMinutes()).isEqualTo(-480);
    }

    @Test
    void aSummaryRollsUpTheLateDatesItsChildrenAreScheduledAtAndTheirEarlyDates() {
        // G holds X (1 d) then Y (2 d): Y Thu-Fri, X Wednesday 13. W (4 d) alone starts the project on
        // Tuesday 12, so X could start a day earlier: G starts Wednesday and has a day of slack.
        Schedule schedule = fromFinish(
                List.of(
                        Task.summary(TaskId.of("G")),
                        alap("X", 1).withParent(TaskId.of("G")),
                        alap("Y", 2).withParent(TaskId.of("G")),
                        alap("W", 4)),
                List.of(finishStart("X", "Y")));

        ScheduledTask group = schedule.task("G");
        assertThat(group.start()).isEqualTo(at(3, 13, 8));
        assertThat(group.finish()).isEqualTo(FINISH);
        assertThat(group.earlyStart()).isEqualTo(at(3, 12, 8));
        assertThat(group.lateStart()).isEqualTo(at(3, 13, 8));
        assertThat(group.totalSlackMinutes()).isEqualTo(480);
        assertThat(schedule.task("X").totalSlackMinutes()).isEqualTo(480);
        assertThat(schedule.projectStart()).isEqualTo(at(3, 12, 8));
    }

    @Test
    void aNetworkIsScheduledFromTheFinishOnlyWhenItHasOne() {
        ProjectNetwork network = Networks.chainOf(2);

        assertThat(network.scheduledFromFinish()).isFalse();
        assertThat(network.withProjectFinish(FINISH).withProjectFinish(null).scheduledFromFinish())
                .isFalse();
        assertThat(Scheduler.schedule(network.withProjectFinish(FINISH)).projectFinish())
                .isEqualTo(FINISH);
    }
}
