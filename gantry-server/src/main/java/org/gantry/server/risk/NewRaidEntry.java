package org.gantry.server.risk;

import java.time.LocalDate;
import java.util.List;

/**
 * An entry to add to the RAID log. Required: type (ASSUMPTION, ISSUE, DEPENDENCY or DECISION) and title.
 * status defaults to OPEN (PROPOSED for a decision); raisedOn to today. ownerId and decidedById must be
 * project members; taskIds tasks and linkedEntryIds entries of the project; riskId a risk of the project.
 */
public record NewRaidEntry(
        String type,
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
        List<Long> linkedEntryIds) {}
