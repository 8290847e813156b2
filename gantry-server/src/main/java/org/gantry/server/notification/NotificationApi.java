package org.gantry.server.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.gantry.server.shared.InvalidInput;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

@Tag(
        name = "Notifications",
        description = "Your notifications (why, which edit by whom, link), preferences, and watching tasks")
@GantryApi
class NotificationApi {

    /** Body of PATCH /notifications: {@code {"read": true}} marks all read. */
    record MarkAll(Boolean read) {}

    private final Notifications notifications;
    private final Preferences preferences;
    private final Watchers watchers;

    NotificationApi(Notifications notifications, Preferences preferences, Watchers watchers) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.watchers = watchers;
    }

    @Operation(
            summary = "Your notifications, newest first",
            description = "unread=true lists only unread ones (snoozed ones are hidden until their time);"
                    + " page from 0, size 1 to 200. The answer also carries your unread count.")
    @GetMapping("/api/v1/notifications")
    NotificationList list(
            CurrentUser user,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return notifications.list(user, unread, page, size);
    }

    @Operation(summary = "Mark all your notifications read: {\"read\": true}; answers how many changed")
    @PatchMapping("/api/v1/notifications")
    Map<String, Integer> markAll(CurrentUser user, @RequestBody MarkAll body) {
        if (body == null || !Boolean.TRUE.equals(body.read())) {
            throw new InvalidInput("read", "must be true (marks every notification read)");
        }
        return Map.of("updated", notifications.markAllRead(user));
    }

    @Operation(summary = "How many unread notifications you have (the bell's number)")
    @GetMapping("/api/v1/notifications/unread-count")
    Map<String, Long> unreadCount(CurrentUser user) {
        return Map.of("unread", notifications.unreadCount(user));
    }

    @Operation(summary = "One of your notifications")
    @GetMapping("/api/v1/notifications/{id}")
    Notification get(CurrentUser user, @PathVariable long id) {
        return notifications.get(user, id);
    }

    @Operation(
            summary = "Mark a notification read or unread, or snooze it",
            description = "{\"read\": true|false}, {\"snoozedUntil\": \"2026-12-04T08:00:00Z\"} (hidden and"
                    + " unread until then), {\"clear\": [\"snoozedUntil\"]}; version optional (409 when stale)")
    @PatchMapping("/api/v1/notifications/{id}")
    Notification change(CurrentUser user, @PathVariable long id, @RequestBody NotificationChange change) {
        return notifications.change(user, id, change);
    }

    @Operation(summary = "Your notification preferences: per kind, per project, and the daily digest's time")
    @GetMapping("/api/v1/notifications/preferences")
    NotificationPreferences preferences(CurrentUser user) {
        return preferences.get(user);
    }

    @Operation(
            summary = "Change your notification preferences",
            description = "kinds: [{kind, email: IMMEDIATE|BATCH|DIGEST|OFF, inApp}], projects: [{project, kind,"
                    + " email, inApp}] (neither email nor inApp removes the override), digestTime \"08:00\","
                    + " timeZone; version optional (409 when stale)")
    @PatchMapping("/api/v1/notifications/preferences")
    NotificationPreferences changePreferences(CurrentUser user, @RequestBody NotificationPreferences change) {
        return preferences.update(user, change);
    }

    @Operation(summary = "Who watches the task, and whether you do")
    @GetMapping("/api/v1/projects/{project}/tasks/{id}/watchers")
    TaskWatchers watchers(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return watchers.list(user, project, id);
    }

    @Operation(summary = "Watch the task (anyone who can read the project)")
    @PutMapping("/api/v1/projects/{project}/tasks/{id}/watchers/me")
    TaskWatchers watch(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return watchers.watch(user, project, id);
    }

    @Operation(summary = "Stop watching the task, also one you watch as its assignee or author")
    @DeleteMapping("/api/v1/projects/{project}/tasks/{id}/watchers/me")
    TaskWatchers unwatch(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return watchers.unwatch(user, project, id);
    }

    @Operation(summary = "The project's notification settings (how far a task must move to be told)")
    @GetMapping("/api/v1/projects/{project}/notification-settings")
    ProjectNotificationSettings projectSettings(CurrentUser user, @PathVariable String project) {
        return preferences.projectSettings(user, project);
    }

    @Operation(
            summary = "Change the move threshold (owners, managers)",
            description = "{\"moveThreshold\": \"2d\", \"version\": 0} or moveThresholdMinutes, or"
                    + " {\"clear\": [\"moveThreshold\"]} for one working day; 409 with the current settings when stale")
    @PatchMapping("/api/v1/projects/{project}/notification-settings")
    ProjectNotificationSettings changeProjectSettings(
            CurrentUser user, @PathVariable String project, @RequestBody ProjectNotificationSettings change) {
        return preferences.changeProjectSettings(user, project, change);
    }
}
