package org.gantry.server.notification;

import java.time.Instant;

/**
 * One notification as its recipient sees it: why ({@code reason}, with a label), what happened, which
 * edit by whom caused it, the task and a link to it, and whether it was read or is snoozed.
 */
public record Notification(
        long id,
        Reason reason,
        String reasonLabel,
        String title,
        String detail,
        String cause,
        Long actorId,
        String actorName,
        long projectId,
        String projectKey,
        Long taskId,
        String link,
        Instant createdAt,
        Instant readAt,
        Instant snoozedUntil,
        boolean unread,
        int version) {}
