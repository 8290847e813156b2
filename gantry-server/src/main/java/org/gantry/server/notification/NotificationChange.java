package org.gantry.server.notification;

import java.time.Instant;
import java.util.List;

/**
 * A change to one notification: {@code read} true or false, {@code snoozedUntil} hides it until then
 * ({@code clear: ["snoozedUntil"]} wakes it); {@code version} is optional and checked when sent.
 */
public record NotificationChange(Boolean read, Instant snoozedUntil, List<String> clear, Integer version) {}
