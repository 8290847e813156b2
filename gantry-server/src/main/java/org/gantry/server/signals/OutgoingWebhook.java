package org.gantry.server.signals;

import java.time.Instant;
import java.util.List;

/**
 * A project's outgoing webhook as owners and managers see it: where it posts, which changes it reports
 * ({@code task}, {@code milestone}, {@code schedule}), whether it is on, and how its deliveries went. The
 * secret that signs the deliveries is shown once, in {@link CreatedOutgoingWebhook}.
 */
record OutgoingWebhook(
        long id,
        String name,
        String url,
        List<String> events,
        boolean active,
        String secretHint,
        long pending,
        long delivered,
        long failed,
        Instant lastAttemptAt,
        Instant createdAt,
        Instant updatedAt,
        int version) {}
