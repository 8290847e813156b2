package org.gantry.server.report;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * A scheduled status digest: an e-mail to {@code recipients} every day ({@code cadence} DAILY) or every
 * {@code weekday} (WEEKLY) at {@code sendAt} in {@code timeZone}, holding the dashboard's figures ({@code
 * content} DASHBOARD) or the latest published status report with its PDF (REPORT). Costs are left out, as for
 * the project's stakeholders.
 */
public record StatusDigest(
        long id,
        String project,
        List<String> recipients,
        String cadence,
        String weekday,
        LocalTime sendAt,
        String timeZone,
        String content,
        Instant nextSendAt,
        Instant lastSentAt,
        String createdByName,
        int version) {}
