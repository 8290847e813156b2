package org.gantry.server.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlignmentTests {

    private static final StrategicGoal GROWTH = new StrategicGoal(1, "Growth", "", 3, 0);
    private static final StrategicGoal COST = new StrategicGoal(2, "Cost", "", 1, 0);
    private static final StrategicGoal SAFETY = new StrategicGoal(3, "Safety", "", 2, 0);

    @Test
    void isTheWeightedScoreOverTheMostItCouldScore() {
        // (3*5 + 1*0 + 2*3) / (5 * 6) = 21/30
        assertThat(Alignment.of(List.of(GROWTH, COST, SAFETY), Map.of(1L, 5, 2L, 0, 3L, 3)))
                .isEqualByComparingTo("70.0");
    }

    @Test
    void aGoalWithoutAScoreCountsAsZeroAndTheResultIsRoundedHalfUpToOneDecimal() {
        // (3*2 + 1*5 + 2*1) / 30 = 13/30 = 43.33...; growth 1 alone: 3/30
        assertThat(Alignment.of(List.of(GROWTH, COST, SAFETY), Map.of(1L, 2, 2L, 5, 3L, 1)))
                .isEqualByComparingTo("43.3");
        assertThat(Alignment.of(List.of(GROWTH, COST, SAFETY), Map.of(1L, 1))).isEqualByComparingTo("10.0");
        assertThat(Alignment.of(List.of(new StrategicGoal(9, "One", "", 3, 0)), Map.of()))
                .isEqualByComparingTo("0.0");
        // (1*0 + 2*5) / (5*3) = 2/3: 66.666... rounds to 66.7
        assertThat(Alignment.of(
                        List.of(new StrategicGoal(7, "A", "", 1, 0), new StrategicGoal(8, "B", "", 2, 0)),
                        Map.of(7L, 0, 8L, 5)))
                .isEqualByComparingTo("66.7");
    }

    @Test
    void withoutAnyGoalThereIsNoAlignment() {
        assertThat(Alignment.of(List.of(), Map.of(1L, 5))).isNull();
    }

    @Test
    void theBubbleScaleEndsOnARoundNumber() {
        assertThat(PortfolioCharts.niceCeiling(0)).isEqualTo(1);
        assertThat(PortfolioCharts.niceCeiling(1200)).isEqualTo(2000);
        assertThat(PortfolioCharts.niceCeiling(5000)).isEqualTo(5000);
        assertThat(PortfolioCharts.niceCeiling(5001)).isEqualTo(10000);
    }
}
