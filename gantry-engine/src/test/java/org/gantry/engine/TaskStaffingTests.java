package org.gantry.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gantry.engine.TaskStaffing.Share;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Project's worked examples of task types and effort-driven scheduling ("Change the task type Project
 * uses to calculate task duration"): a 4-day task (1,920 working minutes, 8 h days) with Ann full time on it,
 * 32 hours of work, and Ben joining or leaving.
 */
class TaskStaffingTests {
    private static final long DAY = 480;
    private static final long ANN = 1;
    private static final long BEN = 2;

    private static TaskStaffing annAlone(TaskType type, boolean effortDriven) {
        return new TaskStaffing(type, effortDriven, false, 4 * DAY, List.of(new Share(ANN, 100, 4 * DAY)));
    }

    @Test
    void anEffortDrivenFixedUnitsTaskGetsShorterWhenSomeoneJoins() {
        TaskStaffing both = annAlone(TaskType.FIXED_UNITS, true).add(BEN, 100, null);
        assertThat(both.durationMinutes()).isEqualTo(2 * DAY);
        assertThat(both.share(ANN)).isEqualTo(new Share(ANN, 100, 2 * DAY));
        assertThat(both.share(BEN)).isEqualTo(new Share(BEN, 100, 2 * DAY));
    }

    @Test
    void aFixedWorkTaskIsAlwaysEffortDriven() {
        TaskStaffing both = annAlone(TaskType.FIXED_WORK, false).add(BEN, 100, null);
        assertThat(both.keepsTotalWork()).isTrue();
        assertThat(both.durationMinutes()).isEqualTo(2 * DAY);
        assertThat(both.share(BEN).workMinutes()).isEqualTo(2 * DAY);
    }

    @Test
    void anEffortDrivenFixedDurationTaskKeepsItsDurationAndHalvesEveryonesUnits() {
        TaskStaffing both = annAlone(TaskType.FIXED_DURATION, true).add(BEN, 100, null);
        assertThat(both.durationMinutes()).isEqualTo(4 * DAY);
        assertThat(both.share(ANN)).isEqualTo(new Share(ANN, 50, 2 * DAY));
        assertThat(both.share(BEN)).isEqualTo(new Share(BEN, 50, 2 * DAY));
    }

    @Test
    void withoutEffortDrivingANewcomerBringsWorkOfTheirOwn() {
        TaskStaffing units = annAlone(TaskType.FIXED_UNITS, false).add(BEN, 100, null);
        assertThat(units.durationMinutes()).isEqualTo(4 * DAY);
        assertThat(units.share(ANN).workMinutes()).isEqualTo(4 * DAY);
        assertThat(units.share(BEN).workMinutes()).isEqualTo(4 * DAY);
        TaskStaffing duration = annAlone(TaskType.FIXED_DURATION, false).add(BEN, 50, null);
        assertThat(duration.share(BEN)).isEqualTo(new Share(BEN, 50, 2 * DAY));
        assertThat(duration.share(ANN)).isEqualTo(new Share(ANN, 100, 4 * DAY));
    }

    @Test
    void workIsSharedInProportionToUnitsAndTheTotalStaysExact() {
        // Ben at half time takes a third of the 32 hours: 640 minutes, Ann 1,280; both finish after 1,280.
        TaskStaffing both = annAlone(TaskType.FIXED_UNITS, true).add(BEN, 50, null);
        assertThat(both.share(ANN).workMinutes()).isEqualTo(1280);
        assertThat(both.share(BEN).workMinutes()).isEqualTo(640);
        assertThat(both.durationMinutes()).isEqualTo(1280);
        // Three ways of 1,921 minutes cannot be equal: rounding never loses or adds a minute.
        TaskStaffing odd = new TaskStaffing(TaskType.FIXED_UNITS, true, false, 1921, List.of(new Share(ANN, 100, 1921)))
                .add(BEN, 100, null)
                .add(3, 100, null);
        assertThat(odd.shares().stream().mapToLong(Share::workMinutes).sum()).isEqualTo(1921);
    }

    @Test
    void whoLeavesAnEffortDrivenTaskHandsTheirWorkToTheOthers() {
        TaskStaffing both = annAlone(TaskType.FIXED_UNITS, true).add(BEN, 100, null);
        TaskStaffing annAgain = both.remove(BEN);
        assertThat(annAgain.share(ANN)).isEqualTo(new Share(ANN, 100, 4 * DAY));
        assertThat(annAgain.durationMinutes()).isEqualTo(4 * DAY);

        TaskStaffing fixedDuration =
                annAlone(TaskType.FIXED_DURATION, true).add(BEN, 100, null).remove(BEN);
        assertThat(fixedDuration.share(ANN)).isEqualTo(new Share(ANN, 100, 4 * DAY));
        assertThat(fixedDuration.durationMinutes()).isEqualTo(4 * DAY);
    }

    @Test
    void withoutEffortDrivingWhoLeavesTakesTheirWorkAlong() {
        TaskStaffing both = annAlone(TaskType.FIXED_UNITS, false).add(BEN, 50, 6 * DAY);
        assertThat(both.durationMinutes()).isEqualTo(12 * DAY);
        TaskStaffing annAgain = both.remove(BEN);
        assertThat(annAgain.share(ANN).workMinutes()).isEqualTo(4 * DAY);
        assertThat(annAgain.durationMinutes()).isEqualTo(4 * DAY);
    }

    @Test
    void theFirstPersonAndTypedWorkAreNeverSpread() {
        TaskStaffing empty = new TaskStaffing(TaskType.FIXED_UNITS, true, false, 4 * DAY, List.of());
        TaskStaffing first = empty.add(ANN, 50, null);
        assertThat(first.share(ANN).workMinutes()).isEqualTo(2 * DAY);
        assertThat(first.durationMinutes()).isEqualTo(4 * DAY);
        TaskStaffing typed = annAlone(TaskType.FIXED_UNITS, true).add(BEN, 100, DAY);
        assertThat(typed.share(ANN).workMinutes()).isEqualTo(4 * DAY);
        assertThat(typed.share(BEN).workMinutes()).isEqualTo(DAY);
        assertThat(typed.durationMinutes()).isEqualTo(4 * DAY);
    }

    @Test
    void onAFixedDurationTaskUnitsMoveTheWorkAndWorkMovesTheUnits() {
        TaskStaffing task = annAlone(TaskType.FIXED_DURATION, false);
        assertThat(task.change(ANN, 50.0, null).share(ANN)).isEqualTo(new Share(ANN, 50, 2 * DAY));
        assertThat(task.change(ANN, null, 6 * DAY).share(ANN)).isEqualTo(new Share(ANN, 150, 6 * DAY));
        assertThat(task.change(ANN, null, 6 * DAY).durationMinutes()).isEqualTo(4 * DAY);
        TaskStaffing units = annAlone(TaskType.FIXED_UNITS, true).change(ANN, 50.0, null);
        assertThat(units.share(ANN)).isEqualTo(new Share(ANN, 50, 4 * DAY));
        assertThat(units.durationMinutes()).isEqualTo(8 * DAY);
    }

    @Test
    void aZeroUnitsAssignmentNeitherSharesNorDrivesTheDuration() {
        TaskStaffing task = new TaskStaffing(
                        TaskType.FIXED_UNITS,
                        true,
                        false,
                        4 * DAY,
                        List.of(new Share(ANN, 100, 4 * DAY), new Share(3, 0, 60)))
                .add(BEN, 100, null);
        assertThat(task.share(3)).isEqualTo(new Share(3, 0, 60));
        assertThat(task.share(BEN).workMinutes()).isEqualTo(2 * DAY);
        assertThat(task.durationMinutes()).isEqualTo(2 * DAY);
    }
}
