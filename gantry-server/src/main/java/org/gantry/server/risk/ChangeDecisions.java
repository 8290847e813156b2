package org.gantry.server.risk;

import org.gantry.server.change.ChangeRequestDecided;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every decision of the change board in the RAID log, in the transaction of the decision: a decision
 * that is rolled back leaves no entry, and no decision goes unrecorded.
 */
@Component
class ChangeDecisions {
    private final RaidService raid;

    ChangeDecisions(RaidService raid) {
        this.raid = raid;
    }

    @EventListener
    void on(ChangeRequestDecided decided) {
        raid.recordChangeDecision(
                decided.projectId(),
                decided.changeRequestId(),
                decided.title(),
                decided.state(),
                decided.reason(),
                decided.note(),
                decided.decidedById());
    }
}
