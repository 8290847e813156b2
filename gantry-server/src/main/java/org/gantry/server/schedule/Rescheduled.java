package org.gantry.server.schedule;

import java.util.List;

/**
 * The outcome of one reschedule: every task whose schedule changed, and the server time it took in
 * all and for each step (loading the network, the engine, storing the changed rows).
 */
public record Rescheduled(
        List<MovedTask> changed, double millis, double loadMillis, double engineMillis, double storeMillis) {

    /** Only the tasks whose start or finish moved. */
    public List<MovedTask> moved() {
        return changed.stream().filter(MovedTask::moved).toList();
    }
}
