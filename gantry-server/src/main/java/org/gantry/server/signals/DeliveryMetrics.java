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
        ReworkRate reworkRate,
        EscapedDefects escapedDefects,
        DefectContainment defectContainment,
        SecurityFixLeadTime securityFixLeadTime,
        List<Week> weeks,
        List<String> services) {

    /** The same measures, with the services (repositories) a filter can choose from. */
    DeliveryMetrics withServices(List<String> names) {
        return new DeliveryMetrics(
                period,
                deploymentFrequency,
                leadTime,
                changeFailureRate,
                timeToRestore,
                reworkRate,
                escapedDefects,
                defectContainment,
                securityFixLeadTime,
                weeks,
                List.copyOf(names));
    }

    static final String OK = "OK";
    static final String NOT_ENOUGH_DATA = "NOT_ENOUGH_DATA";

    /**
     * From and to are whole days in the project's time zone, both included; {@code hotfixWithinHours} is the
     * project's hotfix failure rule (null: off); {@code service} the repository (or generic service name)
     * measured, null for all.
     */
    record Period(
            LocalDate from,
            LocalDate to,
            String environment,
            String timeZone,
            long days,
            Integer hotfixWithinHours,
            String service) {}

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

    /**
     * Successful deployments in the period that were rework (unplanned: a hotfix, or carrying a fix for a
     * bug or incident), their share, and why each counts.
     */
    record ReworkRate(String status, String note, int deployments, int rework, Double rate, List<Failure> reworked) {}

    /**
     * Of the bug-labelled issues opened in the period, how many were caught before release ({@code contained})
     * and how many escaped to users; {@code percent} = contained / (contained + escaped) × 100.
     */
    record DefectContainment(String status, String note, Integer contained, Integer escaped, Double percent) {}

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
