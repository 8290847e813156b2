package org.gantry.server.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An entry of the RAID log as the API shows it: an ASSUMPTION (OPEN, VALIDATED, INVALID), an ISSUE (OPEN,
 * IN_PROGRESS, RESOLVED), a DEPENDENCY on something outside the project (OPEN, AT_RISK, MET) or a DECISION
 * (PROPOSED, DECIDED, SUPERSEDED). {@code riskId} is the risk an issue came from when that risk occurred;
 * {@code changeRequestId} the change request whose decision a decision entry records. {@code linkedEntryIds}
 * are the other entries it is linked to, both ways.
 */
public record RaidEntry(
        long id,
        String type,
        String title,
        String description,
        Long ownerId,
        String ownerName,
        String status,
        LocalDate raisedOn,
        LocalDate dueOn,
        LocalDate closedOn,
        Long decidedById,
        String decidedByName,
        LocalDate decidedOn,
        String rationale,
        Long riskId,
        Long changeRequestId,
        List<Long> taskIds,
        List<Long> linkedEntryIds,
        Instant createdAt,
        Instant updatedAt,
        int version) {}
