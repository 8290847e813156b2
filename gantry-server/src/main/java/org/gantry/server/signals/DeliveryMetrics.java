package org.gantry.server.signals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The delivery and quality measures of a project over a period (see {@link DeliveryMeasures} for how each
 * is counted). Every measure has a {@code status}: {@code OK}, or {@code NOT_ENOUGH_DATA} with a {@code
 * note} saying which signals are missing; its figures are then null, never a zero that would read as a
 * result. Durations are in seconds; a median of an even number of samples is the mean of the middle two, so
 * it can end in .5. Bands are the DORA performance levels: elite, high, medium, low.
 */
record DeliveryMetrics(
        Period period,
        DeploymentFrequency deploymentFrequency,
        Durations leadTime,
        ChangeFailureRate changeFailureRate,
        TimeToRestore timeToRestore,
        EscapedDefects escapedDefects,
        SecurityFixLeadTime securityFixLeadTime,
        List<Week> weeks) {

    static final String OK = "OK";
    static final String NOT_ENOUGH_DATA = "NOT_ENOUGH_DATA";

    /** From and to are whole days in the project's time zone, both included. */
    record Period(LocalDate from, LocalDate to, String environment, String timeZone, long days) {}

    /** Successful deployments to the environment in the period, per week and per day. */
    record DeploymentFrequency(
            String status, String note, Integer deployments, Double perWeek, Double perDay, String band) {}

    /**
     * A distribution of durations: {@code count} samples, their median, 85th and 90th percentile
     * (nearest rank) and maximum.
     */
    record Durations(
            String status,
            String note,
            int count,
            Double medianSeconds,
            Long p85Seconds,
            Long p90Seconds,
            Long maximumSeconds,
            String band) {}

    record ChangeFailureRate(
            String status,
            String note,
            int deployments,
            int failures,
            Double rate,
            String band,
            List<Failure> failed) {}

    /** A deployment counted as a change failure, and why. */
    record Failure(String repository, String sha, Instant at, String reason) {}

    record TimeToRestore(Durations restored, int openIncidents) {}

    record EscapedDefects(
            String status,
            String note,
            Integer defects,
            Integer releases,
            Double perRelease,
            Map<String, Integer> bySeverity) {}

    record SecurityFixLeadTime(
            String status,
            String note,
            int fixed,
            Double medianSeconds,
            Long maximumSeconds,
            List<SecurityFix> fixes,
            List<OpenSecurityIssue> open) {}

    record SecurityFix(
            String repository,
            long number,
            String title,
            String url,
            String severity,
            Instant openedAt,
            Instant deployedAt,
            long leadTimeSeconds) {}

    /** A security issue without a fix in production at the end of the period; age in whole days. */
    record OpenSecurityIssue(
            String repository,
            long number,
            String title,
            String url,
            String severity,
            Instant openedAt,
            long ageDays,
            int slaDays,
            boolean breachesSla) {}

    /**
     * One week of the period (Monday to Sunday, clipped to the period): the figures of the trend charts.
     * Rates and medians are null in a week without the events they are made of.
     */
    record Week(
            LocalDate start,
            LocalDate end,
            int deployments,
            int finishedDeployments,
            int changeFailures,
            Double changeFailureRate,
            Double leadTimeMedianSeconds,
            Double restoreMedianSeconds,
            int escapedDefects,
            int securityFixes) {}
}
