package org.gantry.server.notification;

import java.util.List;

/**
 * A project's notification settings: a task that moves by more than {@code moveThresholdMinutes} working
 * minutes (shown as {@code moveThreshold}, e.g. "1d"; by default one working day) is told to its watchers.
 * As a PATCH body send {@code moveThreshold} ("2d", "4h", "30m") or {@code moveThresholdMinutes}, or
 * {@code clear: ["moveThreshold"]} for the default, with the {@code version} last read.
 */
public record ProjectNotificationSettings(
        String project,
        Long moveThresholdMinutes,
        String moveThreshold,
        Boolean usesDefault,
        List<String> clear,
        Integer version) {}
