package org.gantry.server.collaboration;

import java.time.LocalDate;

/**
 * What a project's activity feed shows: one person's changes ({@code person}, a user id), one kind of
 * thing ({@code kind}: project, member, holiday, status, task, assignee, link, resource, assignment,
 * comment, or "scheduler" for dates the engine moved), and days from/to (inclusive, in the project's
 * time zone). Any may be null.
 */
public record ActivityFilter(Long person, String kind, LocalDate from, LocalDate to) {

    public static ActivityFilter none() {
        return new ActivityFilter(null, null, null, null);
    }
}
