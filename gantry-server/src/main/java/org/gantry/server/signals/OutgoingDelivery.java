package org.gantry.server.signals;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One entry of an outgoing webhook's delivery log: what was (or will be) sent, and how the receiver
 * answered its last attempt. {@code state}: PENDING (waiting for its next attempt at {@code nextAttemptAt}),
 * DELIVERED (a 2xx answer) or FAILED (given up). {@code payload} is the body as sent, apart from its
 * {@code id}, which is the {@code deliveryId}.
 */
record OutgoingDelivery(
        long id,
        String deliveryId,
        String event,
        String state,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Integer lastStatus,
        String lastError,
        Instant deliveredAt,
        @JsonRawValue String payload) {}
