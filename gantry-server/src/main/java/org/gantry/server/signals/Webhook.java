package org.gantry.server.signals;

import java.time.Instant;

/**
 * A project's webhook as owners and managers see it: where the provider delivers ({@code url}), the last
 * four characters of its secret, and what it has received. The secret itself is shown once, in
 * {@link CreatedWebhook}.
 */
record Webhook(
        long id,
        String name,
        Provider provider,
        String url,
        String secretHint,
        long deliveries,
        Instant lastDeliveryAt,
        Instant createdAt,
        Instant updatedAt,
        int version) {}
