package org.gantry.server.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A status report as the API shows it. {@code state} is DRAFT (owners and managers edit the title, the
 * summary and each area's RAG and comment) or PUBLISHED (never changes again). {@code areas} are schedule,
 * cost, scope and risk, each with the colour the dashboard computed at the report date and the one the
 * project manager reports. Costs in the snapshot are hidden from members and stakeholders, as on the
 * dashboard.
 */
public record StatusReport(
        long id,
        String project,
        String title,
        String summary,
        String state,
        LocalDateTime statusDate,
        int baselineSlot,
        int nextPeriodDays,
        List<Area> areas,
        ReportSnapshot snapshot,
        Long createdById,
        String createdByName,
        Instant createdAt,
        Instant updatedAt,
        String publishedByName,
        Instant publishedAt,
        int version) {

    /**
     * One area's RAG: {@code rag} GREEN, AMBER, RED or GREY (not judged) as reported, {@code computed} and
     * {@code reason} as the dashboard's health thresholds judged it.
     */
    public record Area(String area, String rag, String comment, String computed, String reason) {}

    /** A report in the project's list: no snapshot. */
    public record Line(
            long id,
            String title,
            String state,
            LocalDateTime statusDate,
            List<Area> areas,
            String createdByName,
            Instant createdAt,
            Instant publishedAt,
            int version) {}
}
