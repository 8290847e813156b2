package org.gantry.server.report;

import java.time.Instant;

/**
 * A read-only link to a project's dashboard ({@code target} DASHBOARD), its Gantt view (GANTT) or one
 * published status report (REPORT, with {@code reportId}), as its project's owners and managers see it in the list. The token is
 * never shown again after creation. {@code state} is ACTIVE, EXPIRED (past {@code expiresAt}) or REVOKED.
 */
public record ShareLink(
        long id,
        String project,
        String target,
        Long reportId,
        String reportTitle,
        String label,
        boolean passwordProtected,
        Instant expiresAt,
        String state,
        String createdByName,
        Instant createdAt,
        String revokedByName,
        Instant revokedAt,
        Instant lastOpenedAt,
        long opened,
        int version) {

    /** A new link with its secret address: shown once, in the answer to its creation. */
    public record Created(ShareLink link, String token, String path) {}
}
