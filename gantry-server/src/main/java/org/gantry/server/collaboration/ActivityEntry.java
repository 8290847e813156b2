package org.gantry.server.collaboration;

import java.time.Instant;
import java.util.List;

/**
 * One recorded change: when, who ({@code actorKind} user, token, scheduler, webhook or system; the user's
 * name, and the API token's id when one was used), which {@code entity} (project, member, holiday,
 * status, task, assignee, link, resource, assignment, comment) was created, updated or deleted, a
 * {@code label} naming it as it was then, and each field's old and new value.
 */
public record ActivityEntry(
        long id,
        Instant occurredAt,
        String actorKind,
        Long actorId,
        String actorName,
        Long tokenId,
        String entity,
        String entityKey,
        Long taskId,
        String action,
        String label,
        List<FieldChange> changes) {

    /** A field's value before and after (null when it had none), as text. */
    public record FieldChange(String field, String label, String oldValue, String newValue) {}

    /**
     * "Ana Lopez", "Ana Lopez (API token 12)", "Scheduler, after Ana Lopez's change" (the dates the
     * engine moved, and whose edit it followed), "Webhook" (a status rule applied to a delivery) or "System".
     */
    public String who() {
        return switch (actorKind) {
            case "scheduler" -> actorName == null ? "Scheduler" : "Scheduler, after " + actorName + "'s change";
            case "system" -> "System";
            case "webhook" -> "Webhook";
            case "token" -> (actorName == null ? "Former user" : actorName) + " (API token " + tokenId + ")";
            default -> actorName == null ? "Former user" : actorName;
        };
    }
}
