package org.gantry.engine;

import java.util.Objects;

/**
 * A dependency: {@code successor} is driven by {@code predecessor}. The lag (negative for a lead) is
 * working time on the successor's calendar, elapsed time, or a percentage of the predecessor's duration.
 */
public record Link(TaskId predecessor, TaskId successor, LinkType type, WorkDuration lag) {
    public Link {
        Objects.requireNonNull(predecessor, "predecessor");
        Objects.requireNonNull(successor, "successor");
        Objects.requireNonNull(type, "type");
        lag = lag == null ? WorkDuration.ZERO : lag;
    }

    public static Link finishStart(TaskId predecessor, TaskId successor) {
        return new Link(predecessor, successor, LinkType.FINISH_START, WorkDuration.ZERO);
    }

    public static Link of(TaskId predecessor, TaskId successor, LinkType type, WorkDuration lag) {
        return new Link(predecessor, successor, type, lag);
    }
}
