package org.gantry.server.schedule;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

/**
 * An API response (a task, a link) with what the reschedule it caused changed: {@code moved} the
 * tasks whose start or finish moved, {@code rescheduled} every task whose schedule changed (dates,
 * slack, critical), and the server time of the reschedule-and-store.
 */
record WithSchedule(
        @JsonUnwrapped Object value, List<MovedTask> moved, List<MovedTask> rescheduled, double rescheduleMillis) {}
