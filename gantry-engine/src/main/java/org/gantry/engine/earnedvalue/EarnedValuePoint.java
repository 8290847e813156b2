package org.gantry.engine.earnedvalue;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One point of the S-curve: cumulative planned value at the end of the period, cumulative actual cost up
 * to the end of the period or the status date, whichever is first (null for periods after the status
 * date), and the earned value in the period that holds the status date (null elsewhere: percent complete
 * is known only as of now).
 */
public record EarnedValuePoint(
        LocalDate periodEnd, BigDecimal plannedValue, BigDecimal actualCost, BigDecimal earnedValue) {}
