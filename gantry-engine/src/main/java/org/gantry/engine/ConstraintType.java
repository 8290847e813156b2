package org.gantry.engine;

/** Microsoft Project's date constraints. Only ASAP and ALAP take no date. */
public enum ConstraintType {
    AS_SOON_AS_POSSIBLE,
    AS_LATE_AS_POSSIBLE,
    START_NO_EARLIER_THAN,
    START_NO_LATER_THAN,
    FINISH_NO_EARLIER_THAN,
    FINISH_NO_LATER_THAN,
    MUST_START_ON,
    MUST_FINISH_ON;

    boolean needsDate() {
        return this != AS_SOON_AS_POSSIBLE && this != AS_LATE_AS_POSSIBLE;
    }
}
