package org.gantry.server.audit;

import java.time.Instant;

/**
 * One row of the audit log. The actor is who did it (null: nobody signed in, e.g. a failed sign-in,
 * or the server itself), through {@code tokenId} when they used an API token; the subject is the
 * account it concerns. E-mails are as they were at the time.
 */
public record AuditEntry(
        long id,
        Instant at,
        AuditKind kind,
        Long actorId,
        String actorEmail,
        Long tokenId,
        String address,
        Long subjectId,
        String subjectEmail,
        String project,
        String detail,
        String oldValue,
        String newValue) {}
