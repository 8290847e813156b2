package org.gantry.interchange;

import java.util.Objects;
import org.gantry.engine.LinkType;

/**
 * A dependency between two tasks. The lag is a duration, or, when {@code lagPercent} is not null, a
 * percentage of the predecessor's duration (Microsoft Project's "FS+50%"); then {@code lag} is zero.
 * A negative lag is a lead.
 */
public record PlanLink(String predecessorKey, String successorKey, LinkType type, PlanDuration lag, Double lagPercent) {

    public PlanLink {
        Objects.requireNonNull(predecessorKey, "predecessorKey");
        Objects.requireNonNull(successorKey, "successorKey");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(lag, "lag");
    }

    public static PlanLink finishStart(String predecessorKey, String successorKey) {
        return new PlanLink(predecessorKey, successorKey, LinkType.FINISH_START, PlanDuration.ZERO_DAYS, null);
    }
}
