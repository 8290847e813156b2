package org.gantry.engine.earnedvalue;

/** The three usual formulas for the estimate at completion (EAC). */
public enum EstimateMethod {
    /** BAC / CPI: the remaining work will cost what the work so far cost per unit of value. */
    BUDGET_OVER_COST_PERFORMANCE,
    /** AC + (BAC - EV): the remaining work will cost what it was budgeted at. */
    REMAINING_AT_BUDGETED_RATE,
    /** AC + (BAC - EV) / (CPI x SPI): cost and schedule performance both weigh on the remaining work. */
    REMAINING_AT_COST_AND_SCHEDULE_PERFORMANCE
}
