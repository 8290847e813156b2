package org.gantry.server.task;

/** A dependency: the successor waits for the predecessor; lag in working minutes, negative for a lead. */
public record Link(
        long id,
        long predecessorId,
        String predecessorName,
        String predecessorWbs,
        long successorId,
        String successorName,
        String successorWbs,
        LinkType type,
        long lagMinutes,
        DurationUnit lagUnit,
        String lag,
        int version) {}
