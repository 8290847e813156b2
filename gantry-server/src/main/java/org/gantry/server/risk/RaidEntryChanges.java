package org.gantry.server.risk;

import java.time.LocalDate;
import java.util.List;

/**
 * Changes to a RAID entry: only the fields given change; version is required; the type never changes.
 * {@code clear} names optional fields to empty: ownerId, dueOn, closedOn, decidedById, decidedOn, riskId.
 * {@code taskIds} and {@code linkedEntryIds}, when given, replace the links.
 */
public record RaidEntryChanges(
        String title,
        String description,
        Long ownerId,
        String status,
        LocalDate raisedOn,
        LocalDate dueOn,
        LocalDate closedOn,
        Long decidedById,
        LocalDate decidedOn,
        String rationale,
        Long riskId,
        List<Long> taskIds,
        List<Long> linkedEntryIds,
        List<String> clear,
        Integer version) {}
