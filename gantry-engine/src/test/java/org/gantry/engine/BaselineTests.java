package org.gantry.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.engine.Networks.task;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselineTests {

    @Test
    void aBaselineCapturesDatesDurationWorkAndCost() {
        ProjectNetwork network = Networks.chainOf(2);
        Schedule schedule = Scheduler.schedule(network);

        Baseline baseline = Baseline.capture(0, network, schedule, Map.of(TaskId.of("T1"), new BigDecimal("100.00")));

        BaselineTask first = baseline.tasks().get(TaskId.of("T1"));
        assertThat(first.start()).isEqualTo(Networks.START);
        assertThat(first.durationMinutes()).isEqualTo(960);
        assertThat(first.cost()).isEqualByComparingTo("100");
    }

    @Test
    void varianceIsMeasuredInWorkingTimeAgainstAnySlot() {
        ProjectNetwork planned = Networks.chainOf(2);
        Baseline baseline = Baseline.capture(3, planned, Scheduler.schedule(planned), Map.of());
        ProjectNetwork slipped = planned.withTasks(List.of(task("T1", 3), task("T2", 2)));

        List<Variance> variances = baseline.variances(slipped, Scheduler.schedule(slipped), Map.of());

        assertThat(variances).hasSize(2);
        assertThat(variances.get(0).finishVarianceMinutes()).isEqualTo(480);
        assertThat(variances.get(0).durationVarianceMinutes()).isEqualTo(480);
        assertThat(variances.get(1).startVarianceMinutes()).isEqualTo(480);
    }

    @Test
    void elevenSlotsCanBeFilledAndCleared() {
        ProjectNetwork network = Networks.chainOf(1);
        Schedule schedule = Scheduler.schedule(network);
        Baselines baselines = Baselines.none().with(Baseline.capture(10, network, schedule, Map.of()));

        assertThat(baselines.slot(10)).isPresent();
        assertThat(baselines.slot(0)).isEmpty();
        assertThat(baselines.cleared(10).slot(10)).isEmpty();
    }
}
