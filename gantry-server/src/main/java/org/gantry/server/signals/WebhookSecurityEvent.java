package org.gantry.server.signals;

/**
 * A change to a project's webhooks, or a delivery refused for its signature, for the security audit log.
 * {@code address} is the client's; {@code detail} says why a delivery was refused.
 */
public record WebhookSecurityEvent(
        Kind kind,
        String projectKey,
        long webhookId,
        String webhookName,
        String provider,
        String address,
        String detail) {

    public enum Kind {
        CREATED,
        SECRET_ROTATED,
        DELETED,
        DELIVERY_REFUSED
    }
}
