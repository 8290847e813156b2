package org.gantry.server.change;

/**
 * Published in the transaction of a change board's decision (APPROVED, REJECTED or DEFERRED), after the
 * request's state changed: listeners that write take part in that transaction.
 */
public record ChangeRequestDecided(
        long projectId,
        long changeRequestId,
        String title,
        String state,
        String reason,
        String note,
        Long decidedById) {}
