package org.gantry.server.report;

import java.util.Map;

/**
 * Editing a draft: version as last read (required); title and summary when given; areas by name (schedule,
 * cost, scope, risk), each with a rag (GREEN, AMBER, RED, GREY) and/or a comment when given.
 */
public record StatusReportChanges(Integer version, String title, String summary, Map<String, AreaChange> areas) {

    public record AreaChange(String rag, String comment) {}
}
