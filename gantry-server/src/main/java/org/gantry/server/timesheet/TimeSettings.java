package org.gantry.server.timesheet;

import java.time.LocalDate;

/**
 * A project's time settings. {@code lockedBefore}: no time may be logged, changed or deleted on a day before
 * it (null: nothing locked). {@code actuals}: APPROVED (only approved hours become actual work on tasks and
 * assignments) or ALL (every logged hour). {@code progressFromHours}: % complete follows the actual work
 * (true) or is entered by hand (false). A change (PUT) sets all
 * three (a missing lockedBefore unlocks, a missing actuals is APPROVED, progressFromHours false); {@code version}
 * is the one last read.
 */
public record TimeSettings(LocalDate lockedBefore, String actuals, Boolean progressFromHours, Integer version) {}
