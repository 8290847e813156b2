package org.gantry.server.change;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A change request as the API shows it. {@code impact} is the summary of the impact stored when it was
 * submitted and, for an approved one, when it was applied (null for a draft); {@code decisionNote},
 * {@code decidedBy...} and {@code decidedAt} record the last decision.
 */
public record ChangeRequest(
        long id,
        String title,
        String description,
        String reason,
        String requestedBy,
        String state,
        List<ProposedEdit> edits,
        String decisionNote,
        Long decidedById,
        String decidedByName,
        Instant decidedAt,
        Integer baselineSlot,
        ImpactSummary impact,
        Long createdById,
        String createdByName,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    /** The headline of an impact: finish before and after, the difference in working days, counts of tasks. */
    public record ImpactSummary(
            String planVersion,
            Instant computedAt,
            LocalDateTime finishBefore,
            LocalDateTime finishAfter,
            BigDecimal finishDeltaWorkingDays,
            int movedTasks,
            int addedTasks,
            int removedTasks) {}
}
