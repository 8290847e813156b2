package org.gantry.server.project;

import java.time.LocalDate;

/** A row of the project list. */
public record ProjectSummary(
        long id,
        String key,
        String name,
        String description,
        LocalDate startDate,
        boolean archived,
        ProjectRole myRole,
        int version) {}
