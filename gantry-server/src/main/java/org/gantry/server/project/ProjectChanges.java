package org.gantry.server.project;

import java.time.LocalDate;

/**
 * Changes to a project; null fields stay as they are, a calendar replaces the whole calendar, and
 * {@code archived} archives or restores it. {@code version} is required.
 */
public record ProjectChanges(
        String name,
        String description,
        LocalDate startDate,
        String timeZone,
        String currency,
        WorkingCalendar calendar,
        Boolean archived,
        Integer version) {}
