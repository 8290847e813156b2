package org.gantry.server.notification;

import java.time.LocalTime;
import java.util.List;

/**
 * A person's notification preferences: for each kind, how e-mail goes out ({@code IMMEDIATE},
 * {@code BATCH}, {@code DIGEST} or {@code OFF}) and whether it shows in the app; overrides for single
 * projects; and the local time and time zone of the daily digest. As a PATCH body every part is optional:
 * {@code kinds} changes the kinds named, a {@code projects} entry sets a project's override for one kind
 * (with neither {@code email} nor {@code inApp} it removes the override).
 */
public record NotificationPreferences(
        LocalTime digestTime,
        String timeZone,
        List<KindPreference> kinds,
        List<ProjectPreference> projects,
        Integer version) {

    public record KindPreference(Reason kind, String label, EmailDelivery email, Boolean inApp) {}

    public record ProjectPreference(String project, Reason kind, EmailDelivery email, Boolean inApp) {}
}
