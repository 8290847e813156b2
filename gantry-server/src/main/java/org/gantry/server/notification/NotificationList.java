package org.gantry.server.notification;

import java.util.List;

/** One page of a person's notifications (newest first), the number of matches, and their unread count. */
public record NotificationList(List<Notification> items, int page, int size, long total, long unread) {}
