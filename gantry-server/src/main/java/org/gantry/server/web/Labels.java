package org.gantry.server.web;

import java.util.Map;

/** Field names as the services report them, in the words the pages use. */
public final class Labels {

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("name", "Name"),
            Map.entry("key", "Key"),
            Map.entry("description", "Description"),
            Map.entry("startDate", "Start date"),
            Map.entry("timeZone", "Time zone"),
            Map.entry("currency", "Currency"),
            Map.entry("status", "Status"),
            Map.entry("priority", "Priority"),
            Map.entry("assigneeIds", "Assignees"),
            Map.entry("tags", "Tags"),
            Map.entry("milestone", "Milestone"),
            Map.entry("duration", "Duration"),
            Map.entry("start", "Start"),
            Map.entry("finish", "Finish"),
            Map.entry("percentComplete", "% complete"),
            Map.entry("storyPoints", "Story points"),
            Map.entry("email", "E-mail"),
            Map.entry("password", "Password"),
            Map.entry("currentPassword", "Current password"),
            Map.entry("newPassword", "New password"),
            Map.entry("role", "Role"),
            Map.entry("lag", "Lag"),
            Map.entry("predecessorId", "Predecessor"),
            Map.entry("successorId", "Successor"),
            Map.entry("person", "Person"),
            Map.entry("from", "From"),
            Map.entry("to", "To"));

    private Labels() {}

    public static String field(String field) {
        if (field.startsWith("calendar.workingHours")) {
            return "Working hours";
        }
        if (field.startsWith("calendar.holidays")) {
            return "Holidays";
        }
        if (field.startsWith("calendar")) {
            return "Working days";
        }
        return FIELDS.getOrDefault(field, field);
    }
}
