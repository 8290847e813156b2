package org.gantry.engine.earnedvalue;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Lipke's earned schedule at one status date, in periods of the planned value curve it came from: the time
 * at which the plan expected the value earned so far (ES), against the time actually elapsed (AT) and the
 * planned duration (PD). {@code completedPeriods} is C, the number of whole periods whose cumulative planned
 * value does not exceed the earned value. Unlike SV and SPI, which return to 0 and 1 when a late project
 * finishes, SV(t) and SPI(t) keep saying how late it is.
 */
public record EarnedSchedule(
        int completedPeriods, BigDecimal earnedSchedule, BigDecimal actualTime, BigDecimal plannedDuration) {

    public EarnedSchedule {
        Objects.requireNonNull(earnedSchedule, "earnedSchedule");
        Objects.requireNonNull(actualTime, "actualTime");
        Objects.requireNonNull(plannedDuration, "plannedDuration");
    }

    /** SV(t) = ES - AT, in periods; negative is late. */
    public BigDecimal scheduleVariance() {
        return earnedSchedule.subtract(actualTime);
    }

    /** SPI(t) = ES / AT; null before any time has passed. */
    public BigDecimal schedulePerformanceIndex() {
        return EarnedValue.divide(earnedSchedule, actualTime);
    }

    /** IEAC(t) = PD / SPI(t) = PD x AT / ES, the forecast duration in periods; null while nothing is earned. */
    public BigDecimal independentEstimateAtCompletion() {
        return EarnedValue.divide(plannedDuration.multiply(actualTime), earnedSchedule);
    }
}
