package org.gantry.engine.levelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gantry.engine.levelling.LevellableTask.Predecessor;
import org.gantry.engine.levelling.LevellableTask.ResourceUse;
import org.gantry.engine.levelling.ProjectLevellingResult.Reason;
import org.gantry.engine.levelling.ProjectLevellingResult.TaskMove;
import org.junit.jupiter.api.Test;

class ProjectLevellingTests {
    private static final List<LevellingResource> ANNA = List.of(new LevellingResource("anna", 100));
    private static final List<LevellingResource> ANNA_AND_BO =
            List.of(new LevellingResource("anna", 100), new LevellingResource("bo", 100));

    @Test
    void theTaskThatStartsLaterIsDelayedUntilThePersonIsFree() {
        List<LevellableTask> tasks =
                List.of(task("design", 1, 0, 5, 10, 500, "anna", 100), task("review", 2, 2, 3, 10, 500, "anna", 100));

        ProjectLevellingResult result = ProjectLevelling.level(tasks, ANNA, ProjectLevellingOptions.standard());

        assertThat(result.moves()).hasSize(1);
        TaskMove move = result.moves().get(0);
        assertThat(move.taskId()).isEqualTo("review");
        assertThat(move.newStart()).isEqualTo(5);
        assertThat(move.levellingDelay()).isEqualTo(3);
        assertThat(move.overAllocation().resourceId()).isEqualTo("anna");
        assertThat(move.overAllocation().at()).isEqualTo(2);
        assertThat(move.overAllocation().units()).isEqualTo(200);
        assertThat(move.overAllocation().competingTasks()).containsExactly("design");
        assertThat(result.finishBefore()).isEqualTo(5);
        assertThat(result.finishAfter()).isEqualTo(8);
        assertThat(result.unresolved()).isEmpty();
    }

    @Test
    void amongTasksStartingTogetherTheOneWithMoreSlackIsDelayed() {
        List<LevellableTask> tasks =
                List.of(task("a", 1, 0, 4, 8, 500, "anna", 100), task("b", 2, 0, 4, 0, 500, "anna", 100));

        ProjectLevellingResult result = ProjectLevelling.level(tasks, ANNA, ProjectLevellingOptions.standard());

        assertThat(result.moves()).extracting(TaskMove::taskId).containsExactly("a");
    }

    @Test
    void priorityThenStandardKeepsTheHigherPriorityTaskInPlace() {
        List<LevellableTask> tasks =
                List.of(task("a", 1, 0, 4, 8, 900, "anna", 100), task("b", 2, 0, 4, 0, 100, "anna", 100));

        ProjectLevellingResult standard = ProjectLevelling.level(tasks, ANNA, ProjectLevellingOptions.standard());
        ProjectLevellingResult byPriority = ProjectLevelling.level(
                tasks, ANNA, new ProjectLevellingOptions(LevellingOrder.PRIORITY_THEN_STANDARD, false));

        assertThat(standard.moves()).extracting(TaskMove::taskId).containsExactly("a");
        assertThat(byPriority.moves()).extracting(TaskMove::taskId).containsExactly("b");
    }

    @Test
    void idOnlyDelaysTheTaskWithTheHigherId() {
        List<LevellableTask> tasks =
                List.of(task("late", 7, 0, 4, 0, 500, "anna", 100), task("early", 3, 2, 4, 9, 500, "anna", 100));

        ProjectLevellingResult result =
                ProjectLevelling.level(tasks, ANNA, new ProjectLevellingOptions(LevellingOrder.ID_ONLY, false));

        assertThat(result.moves()).extracting(TaskMove::taskId).containsExactly("late");
        assertThat(result.moves().get(0).newStart()).isEqualTo(6);
    }

    @Test
    void aPriority1000TaskIsNeverMovedAndItsConflictIsReported() {
        List<LevellableTask> tasks = List.of(
                task("keep", 1, 0, 4, 0, LevellableTask.DO_NOT_LEVEL, "anna", 100),
                task("also keep", 2, 0, 4, 0, LevellableTask.DO_NOT_LEVEL, "anna", 100));

        ProjectLevellingResult result = ProjectLevelling.level(tasks, ANNA, ProjectLevellingOptions.standard());

        assertThat(result.moves()).isEmpty();
        assertThat(result.unresolved()).singleElement().satisfies(unresolved -> {
            assertThat(unresolved.taskId()).isEqualTo("also keep");
            assertThat(unresolved.reason()).isEqualTo(Reason.DO_NOT_LEVEL);
            assertThat(unresolved.overAllocation().competingTasks()).containsExactly("keep");
        });
    }

    @Test
    void otherTasksAreDelayedAroundATaskThatMayNotMove() {
        List<LevellableTask> tasks = List.of(
                task("movable", 1, 0, 3, 10, 500, "anna", 100),
                task("fixed", 2, 1, 2, 0, LevellableTask.DO_NOT_LEVEL, "anna", 100));

        ProjectLevellingResult result = ProjectLevelling.level(tasks, ANNA, ProjectLevellingOptions.standard());

        assertThat(result.moves())
                .extracting(TaskMove::taskId, TaskMove::newStart)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("movable", 3));
        assertThat(result.unresolved()).isEmpty();
    }

    @Test
    void manualTasksAndHardConstraintsKeepTheirDates() {
        LevellableTask first = task("first", 1, 0, 4, 0, 500, "anna", 100);
        LevellableTask manual = new LevellableTask(
                "manual", 2, 1, 2, 5, 500, true, false, List.of(), List.of(new ResourceUse("anna", 100)));
        LevellableTask constrained = new LevellableTask(
                "constrained", 3, 2, 2, 5, 500, false, true, List.of(), List.of(new ResourceUse("anna", 100)));

        ProjectLevellingResult result =
                ProjectLevelling.level(List.of(first, manual, constrained), ANNA, ProjectLevellingOptions.standard());

        // Both pinned tasks are placed first; the movable one waits until both are done.
        assertThat(result.moves())
                .extracting(TaskMove::taskId, TaskMove::newStart)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("first", 4));
        assertThat(result.unresolved()).singleElement().satisfies(unresolved -> {
            assertThat(unresolved.taskId()).isEqualTo("constrained");
            assertThat(unresolved.reason()).isEqualTo(Reason.HARD_CONSTRAINT);
            assertThat(unresolved.overAllocation().competingTasks()).containsExactly("manual");
        });

        LevellableTask keep = task("keep", 4, 0, 4, 0, LevellableTask.DO_NOT_LEVEL, "anna", 100);
        ProjectLevellingResult manualAgainstKeep =
                ProjectLevelling.level(List.of(keep, manual), ANNA, ProjectLevellingOptions.standard());

        assertThat(manualAgainstKeep.moves()).isEmpty();
        assertThat(manualAgainstKeep.unresolved())
                .extracting(ProjectLevellingResult.Unresolved::reason)
                .containsExactly(Reason.MANUAL_TASK);
    }

    @Test
    void withinSlackOnlyATaskWithTooLittleSlackStaysAndIsReported() {
        List<LevellableTask> tasks =
                List.of(task("a", 1, 0, 4, 0, 500, "anna", 100), task("b", 2, 1, 4, 2, 500, "anna", 100));

        ProjectLevellingResult result =
                ProjectLevelling.level(tasks, ANNA, new ProjectLevellingOptions(LevellingOrder.STANDARD, true));

        assertThat(result.moves()).isEmpty();
        assertThat(result.finishAfter()).isEqualTo(result.finishBefore());
        assertThat(result.unresolved()).singleElement().satisfies(unresolved -> {
            assertThat(unresolved.taskId()).isEqualTo("b");
            assertThat(unresolved.reason()).isEqualTo(Reason.NOT_ENOUGH_SLACK);
        });
    }

    @Test
    void aDelayedTaskPushesItsSuccessorWhichSaysWhy() {
        LevellableTask a = task("a", 1, 0, 4, 0, 500, "anna", 100);
        LevellableTask b = task("b", 2, 0, 3, 5, 500, "anna", 100);
        LevellableTask c =
                new LevellableTask("c", 3, 3, 2, 5, 500, false, false, List.of(new Predecessor("b", 0)), List.of());

        ProjectLevellingResult result =
                ProjectLevelling.level(List.of(a, b, c), ANNA, ProjectLevellingOptions.standard());

        assertThat(result.moves()).hasSize(2);
        TaskMove successor = result.moves().get(1);
        assertThat(successor.taskId()).isEqualTo("c");
        assertThat(successor.newStart()).isEqualTo(7);
        assertThat(successor.levellingDelay()).isZero();
        assertThat(successor.delayedPredecessor()).isEqualTo("b");
        assertThat(successor.overAllocation()).isNull();
    }

    @Test
    void aTaskThatAloneNeedsMoreThanTheMaximumIsReported() {
        List<LevellableTask> tasks = List.of(task("big", 1, 0, 4, 0, 500, "anna", 200));

        ProjectLevellingResult result = ProjectLevelling.level(tasks, ANNA, ProjectLevellingOptions.standard());

        assertThat(result.unresolved())
                .singleElement()
                .extracting(ProjectLevellingResult.Unresolved::reason)
                .isEqualTo(Reason.EXCEEDS_MAXIMUM_UNITS);
    }

    @Test
    void randomPlansEndWithinEveryMaximumAndKeepTheirLinks() {
        SplittableRandom random = new SplittableRandom(3);
        List<LevellingResource> resources = List.of(new LevellingResource("r0", 100), new LevellingResource("r1", 200));
        for (int trial = 0; trial < 20; trial++) {
            List<LevellableTask> tasks = new ArrayList<>();
            for (int index = 0; index < 40; index++) {
                List<Predecessor> predecessors = new ArrayList<>();
                if (index > 0 && random.nextInt(3) == 0) {
                    predecessors.add(new Predecessor("t" + random.nextInt(index), random.nextInt(3)));
                }
                tasks.add(new LevellableTask(
                        "t" + index,
                        index,
                        random.nextInt(30),
                        1 + random.nextInt(6),
                        0,
                        random.nextInt(1000),
                        false,
                        false,
                        predecessors,
                        List.of(new ResourceUse("r" + random.nextInt(2), 50 * (1 + random.nextInt(2))))));
            }
            // Starts as a critical-path pass would give them: after every predecessor.
            tasks = afterPredecessors(tasks);
            LevellingOrder order = LevellingOrder.values()[trial % 3];

            ProjectLevellingResult result =
                    ProjectLevelling.level(tasks, resources, new ProjectLevellingOptions(order, false));

            assertThat(result.unresolved()).isEmpty();
            int[] start = new int[tasks.size()];
            for (int index = 0; index < tasks.size(); index++) {
                start[index] = tasks.get(index).start();
            }
            for (TaskMove move : result.moves()) {
                start[Integer.parseInt(move.taskId().substring(1))] = move.newStart();
                assertThat(move.newStart()).isGreaterThan(move.oldStart());
            }
            for (int index = 0; index < tasks.size(); index++) {
                for (Predecessor predecessor : tasks.get(index).predecessors()) {
                    int other = Integer.parseInt(predecessor.taskId().substring(1));
                    assertThat(start[index])
                            .isGreaterThanOrEqualTo(
                                    start[other] + tasks.get(other).duration() + predecessor.lag());
                }
            }
            for (LevellingResource resource : resources) {
                for (int time = 0; time < result.finishAfter(); time++) {
                    int units = 0;
                    for (int index = 0; index < tasks.size(); index++) {
                        LevellableTask task = tasks.get(index);
                        if (start[index] <= time
                                && time < start[index] + task.duration()
                                && task.resources().get(0).resourceId().equals(resource.id())) {
                            units += task.resources().get(0).units();
                        }
                    }
                    assertThat(units)
                            .as("%s at %d (%s)", resource.id(), time, order)
                            .isLessThanOrEqualTo(resource.maxUnits());
                }
            }
        }
    }

    @Test
    void refusesAnUnknownResourceOrPredecessor() {
        assertThatThrownBy(() -> ProjectLevelling.level(
                        List.of(task("a", 1, 0, 1, 0, 500, "bob", 100)), ANNA, ProjectLevellingOptions.standard()))
                .hasMessageContaining("unknown resource bob");
        LevellableTask orphan =
                new LevellableTask("a", 1, 0, 1, 0, 500, false, false, List.of(new Predecessor("x", 0)), List.of());
        assertThatThrownBy(() -> ProjectLevelling.level(List.of(orphan), ANNA, ProjectLevellingOptions.standard()))
                .hasMessageContaining("unknown predecessor x");
    }

    private static List<LevellableTask> afterPredecessors(List<LevellableTask> tasks) {
        List<LevellableTask> fixed = new ArrayList<>();
        for (LevellableTask task : tasks) {
            int start = task.start();
            for (Predecessor predecessor : task.predecessors()) {
                LevellableTask other =
                        fixed.get(Integer.parseInt(predecessor.taskId().substring(1)));
                start = Math.max(start, other.start() + other.duration() + predecessor.lag());
            }
            fixed.add(new LevellableTask(
                    task.id(),
                    task.idNumber(),
                    start,
                    task.duration(),
                    task.totalSlack(),
                    task.priority(),
                    false,
                    false,
                    task.predecessors(),
                    task.resources()));
        }
        return fixed;
    }

    @Test
    void workDelayedIntoAVacationWaitsUntilThePersonIsBack() {
        // Anna is away from 5 to 10; three tasks of 5 each want her from 0.
        List<LevellingResource> anna =
                List.of(new LevellingResource("anna", 100, List.of(new LevellingResource.Absence(5, 10))));
        List<LevellableTask> tasks = List.of(
                task("a", 1, 0, 5, 20, 500, "anna", 100),
                task("b", 2, 0, 5, 20, 500, "anna", 100),
                task("c", 3, 0, 5, 20, 500, "anna", 100));

        ProjectLevellingResult result = ProjectLevelling.level(tasks, anna, ProjectLevellingOptions.standard());

        // b cannot use her vacation: it starts when she is back (10); c after b (15), not at 10 beside it.
        assertThat(result.moves()).extracting(TaskMove::taskId).containsExactly("b", "c");
        assertThat(result.moves()).extracting(TaskMove::newStart).containsExactly(10, 15);
        assertThat(result.finishAfter()).isEqualTo(20);
    }

    @Test
    void aTaskSpanningAnAbsenceHoldsThePersonOnlyWhileSheWorks() {
        // A four-day week: Anna is off on every fifth day (4 to 5, 9 to 10).
        List<LevellingResource> anna = List.of(new LevellingResource(
                "anna", 100, List.of(new LevellingResource.Absence(4, 5), new LevellingResource.Absence(9, 10))));
        List<LevellableTask> tasks =
                List.of(task("a", 1, 0, 6, 20, 500, "anna", 100), task("b", 2, 0, 3, 20, 500, "anna", 100));

        ProjectLevellingResult result = ProjectLevelling.level(tasks, anna, ProjectLevellingOptions.standard());

        // a works 0-4 and 5-7 (ends at 7); b takes the 3 working units after it: 7-9 and 10-11.
        assertThat(result.moves()).extracting(TaskMove::newStart).containsExactly(7);
        assertThat(result.finishBefore()).isEqualTo(7);
        assertThat(result.finishAfter()).isEqualTo(11);
    }

    @Test
    void aPartTimeResourcesFinishCountsOnlyItsWorkingTime() {
        LevellingResource anna = new LevellingResource(
                "anna", 100, List.of(new LevellingResource.Absence(9, 10), new LevellingResource.Absence(4, 5)));

        assertThat(anna.finish(0, 4)).isEqualTo(4);
        assertThat(anna.finish(0, 5)).isEqualTo(6);
        assertThat(anna.finish(4, 1)).isEqualTo(6);
        assertThat(anna.nextPresence(4)).isEqualTo(5);
        assertThat(anna.present(9)).isFalse();
        assertThat(anna.finish(3, 0)).isEqualTo(3);
    }

    @Test
    void adjustingIndividualAssignmentsLetsTheFreeResourceStartOnTime() {
        // Anna builds (0-4). The test needs Anna and Bo for 4; then Bo alone runs a 6-long check.
        List<LevellableTask> tasks = List.of(
                task("build", 1, 0, 4, 20, 500, "anna", 100),
                pair("test", 2, 0, 4, 20, true),
                task("check", 3, 0, 6, 20, 500, "bo", 100));

        ProjectLevellingResult whole = ProjectLevelling.level(tasks, ANNA_AND_BO, ProjectLevellingOptions.standard());
        ProjectLevellingResult adjusted = ProjectLevelling.level(
                tasks, ANNA_AND_BO, new ProjectLevellingOptions(LevellingOrder.STANDARD, false, true));

        // Whole tasks: the test waits for Anna (4-8) and holds Bo there, so the check waits for both (8-14).
        assertThat(whole.moves())
                .extracting(TaskMove::taskId, TaskMove::newStart)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("test", 4),
                        org.assertj.core.groups.Tuple.tuple("check", 8));
        assertThat(whole.finishAfter()).isEqualTo(14);
        // Adjusted: Bo starts the test on time (0-4), only Anna's assignment waits (4-8); the check follows
        // Bo (4-10) and the project ends at 10.
        TaskMove test = adjusted.moves().get(0);
        assertThat(test.taskId()).isEqualTo("test");
        assertThat(test.newStart()).isEqualTo(0);
        assertThat(test.levellingDelay()).isZero();
        assertThat(test.assignmentDelays()).isEqualTo(java.util.Map.of("anna", 4));
        assertThat(test.overAllocation().resourceId()).isEqualTo("anna");
        assertThat(adjusted.moves().get(1).taskId()).isEqualTo("check");
        assertThat(adjusted.moves().get(1).newStart()).isEqualTo(4);
        assertThat(adjusted.moves().get(1).assignmentDelays()).isEmpty();
        assertThat(adjusted.finishAfter()).isEqualTo(10);
    }

    @Test
    void aTaskWhoseAssignmentsMayNotMoveIsDelayedWholeEvenWhenAssignmentsAreAdjusted() {
        List<LevellableTask> tasks =
                List.of(task("build", 1, 0, 4, 20, 500, "anna", 100), pair("test", 2, 0, 4, 20, false));

        ProjectLevellingResult adjusted = ProjectLevelling.level(
                tasks, ANNA_AND_BO, new ProjectLevellingOptions(LevellingOrder.STANDARD, false, true));

        assertThat(adjusted.moves()).hasSize(1);
        assertThat(adjusted.moves().get(0).newStart()).isEqualTo(4);
        assertThat(adjusted.moves().get(0).assignmentDelays()).isEmpty();
    }

    @Test
    void withinSlackAnAdjustedAssignmentThatWouldPassTheSlackIsReportedNotMoved() {
        List<LevellableTask> tasks =
                List.of(task("build", 1, 0, 4, 0, 500, "anna", 100), pair("test", 2, 0, 4, 2, true));

        ProjectLevellingResult result = ProjectLevelling.level(
                tasks, ANNA_AND_BO, new ProjectLevellingOptions(LevellingOrder.STANDARD, true, true));

        assertThat(result.moves()).isEmpty();
        assertThat(result.unresolved())
                .extracting(u -> u.taskId(), u -> u.reason())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("test", Reason.NOT_ENOUGH_SLACK));
    }

    /** A task that needs Anna and Bo together, full time. */
    private static LevellableTask pair(String id, int idNumber, int start, int duration, int slack, boolean mayMove) {
        return new LevellableTask(
                id,
                idNumber,
                start,
                duration,
                slack,
                500,
                false,
                false,
                List.of(),
                List.of(new ResourceUse("anna", 100), new ResourceUse("bo", 100)),
                mayMove);
    }

    private static LevellableTask task(
            String id,
            int idNumber,
            int start,
            int duration,
            int totalSlack,
            int priority,
            String resource,
            int units) {
        return new LevellableTask(
                id,
                idNumber,
                start,
                duration,
                totalSlack,
                priority,
                false,
                false,
                List.of(),
                List.of(new ResourceUse(resource, units)));
    }
}
