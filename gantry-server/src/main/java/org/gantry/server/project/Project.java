package org.gantry.server.project;

import java.time.Instant;
import java.time.LocalDate;

/** A project as the caller sees it; {@code myRole} is null for an admin who is not a member. */
public record Project(
        long id,
        String key,
        String name,
        String description,
        LocalDate startDate,
        String timeZone,
        String currency,
        WorkingCalendar calendar,
        boolean archived,
        ProjectRole myRole,
        Instant createdAt,
        Instant updatedAt,
        int version) {}
