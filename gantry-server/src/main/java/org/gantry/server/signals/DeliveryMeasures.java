package org.gantry.server.signals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DORA and quality measures, computed from the stored signals of one environment. Pure (no I/O, the
 * clock is given), so its calendar and percentile arithmetic is tested on its own. The rules:
 *
 * <ul>
 *   <li><b>Deployments.</b> A deployment counts once it succeeded (the first success, kept even when GitHub
 *       later marks it inactive) or failed (status failure, failed or error); pending, running and cancelled
 *       ones are not counted. Its time is when it succeeded, or its last status when it failed.
 *   <li><b>The commits a deployment carries.</b> Commits arrive with pushes, in order (within a push, by
 *       their time). A successful deployment
 *       of commit S carries S and every commit of the same repository that arrived before S and that no
 *       earlier successful deployment to the environment carried. A deployment of a commit never pushed, or
 *       of one already carried, carries nothing new.
 *   <li><b>Deployment frequency:</b> successful deployments in the period, per week (7 days) and per day.
 *   <li><b>Lead time for changes:</b> for every commit a successful deployment in the period carries, from
 *       the commit's time to the deployment's (negative clock skew counts as zero).
 *   <li><b>Change failure rate:</b> of the deployments in the period that succeeded or failed, the share that
 *       is a change failure: (1) it failed; (2) the next successful deployment of its repository rolls back,
 *       i.e. deploys another commit that an earlier deployment already carried or that arrived before its
 *       own; (3) an issue labelled incident was opened within {@value #INCIDENT_WINDOW_HOURS} hours after
 *       it, while it was the latest successful deployment; or (4), when the project sets a hotfix window of N
 *       hours, the next successful deployment of its repository is a hotfix (its ref, or a commit it carries,
 *       says "hotfix" in any case: {@code hotfix/login}, "Hotfix: null check") and succeeded within N hours of
 *       it; or (5) an incident opened after it names its commit (seven or more characters of the id) in its
 *       title, however much later: a linked incident.
 *   <li><b>Time to restore service:</b> for every incident-labelled issue opened in the period and closed,
 *       opened to closed; for every run of failed deployments of a repository that starts in the period, the
 *       first failure to the next successful deployment of that repository.
 *   <li><b>Escaped defects:</b> bug-labelled issues opened in the period after a successful deployment (of
 *       the issue's repository when it has any, else of any); each is charged to the latest such release.
 *       Per release: those defects over the successful deployments in the period. Severity from a label
 *       "severity:high", "severity/high", "sev::1"-style, or a plain critical, high, medium or low.
 *   <li><b>Security-fix lead time:</b> a security-labelled issue is fixed by the first successful deployment
 *       that carries a commit of its repository whose message names it ({@code #12}, or {@code acme/api#12}
 *       from another repository); the lead time runs from the issue's opening to that deployment. Fixes
 *       deployed in the period count; issues opened before the period's end without a deployed fix by then
 *       are listed as open, against a service-level target by severity.
 * </ul>
 *
 * <p>Percentiles are nearest-rank (the smallest sample with at least p % of the samples at or below it);
 * the median is the middle sample, or the mean of the middle two.
 */
final class DeliveryMeasures {
    static final int INCIDENT_WINDOW_HOURS = 24;
    private static final Set<String> SUCCESS = Set.of("success", "succeeded", "successful", "deployed");
    private static final Set<String> FAILURE = Set.of("failure", "failed", "error");
    private static final Pattern ISSUE_REFERENCE = Pattern.compile("(?<![\\w/.-])(?:([\\w.-]+/[\\w./-]+))?#(\\d+)\\b");
    private static final Pattern SEVERITY_LABEL = Pattern.compile("(?:severity|sev)\\s*(?::+|/|-|=|\\s)\\s*(.+)");
    private static final Pattern FOUND_IN_LABEL = Pattern.compile("found[- _]?in\\s*(?::+|/|=|\\s)\\s*(.+)");
    private static final List<String> PLAIN_SEVERITIES = List.of("critical", "high", "medium", "low");
    /** Days to ship a security fix, by severity (common vulnerability-management targets). */
    private static final Map<String, Integer> SECURITY_SLA_DAYS =
            Map.of("critical", 7, "high", 30, "medium", 90, "low", 180, "unspecified", 30);

    static final String ELITE = "elite";
    static final String HIGH = "high";
    static final String MEDIUM = "medium";
    static final String LOW = "low";

    /** A deployment to the measured environment; {@code succeededAt} set once it succeeded. */
    record Deployment(
            String repository,
            String externalId,
            String status,
            String sha,
            Instant deployedAt,
            Instant succeededAt,
            String ref) {

        Deployment(
                String repository,
                String externalId,
                String status,
                String sha,
                Instant deployedAt,
                Instant succeededAt) {
            this(repository, externalId, status, sha, deployedAt, succeededAt, null);
        }

        boolean isSuccessful() {
            return succeededAt != null;
        }

        boolean isFailed() {
            return succeededAt == null && failed(status);
        }

        Instant at() {
            return succeededAt != null ? succeededAt : deployedAt;
        }
    }

    /**
     * A pushed commit; the list given to {@link #measure} is in order of arrival: pushes in the order they came,
     * a push's commits by their time.
     */
    record Commit(String repository, String sha, Instant committedAt, String message) {}

    record Issue(
            String repository,
            long number,
            String title,
            String url,
            List<String> labels,
            Instant openedAt,
            Instant closedAt) {

        /** "bug", or a scoped label ending in it: "type: bug", "kind/bug", "type::bug". */
        boolean labelled(String name) {
            for (String label : labels) {
                String text = label.strip().toLowerCase(Locale.ROOT);
                if (text.equals(name) || text.matches(".*[:/]\\s*" + Pattern.quote(name))) {
                    return true;
                }
            }
            return false;
        }

        String severity() {
            for (String label : labels) {
                Matcher matcher = SEVERITY_LABEL.matcher(label.strip().toLowerCase(Locale.ROOT));
                if (matcher.matches()) {
                    return matcher.group(1).strip();
                }
            }
            for (String label : labels) {
                String text = label.strip().toLowerCase(Locale.ROOT);
                if (PLAIN_SEVERITIES.contains(text)) {
                    return text;
                }
            }
            return "unspecified";
        }
    }

    /**
     * What the project's webhooks stored: deployments to the environment (any time), every commit in order
     * of arrival, labelled issues, and whether any issue was ever received (without, zero defects would be a
     * guess).
     */
    record History(List<Deployment> deployments, List<Commit> commits, List<Issue> issues, boolean issuesReceived) {}

    /** Whole days {@code from} to {@code to}, both included, in the project's time zone. */
    record Period(
            LocalDate from, LocalDate to, ZoneId zone, String environment, Integer hotfixWithinHours, String service) {

        Period(LocalDate from, LocalDate to, ZoneId zone, String environment) {
            this(from, to, zone, environment, null, null);
        }

        Instant start() {
            return from.atStartOfDay(zone).toInstant();
        }

        Instant end() {
            return to.plusDays(1).atStartOfDay(zone).toInstant();
        }

        long days() {
            return ChronoUnit.DAYS.between(from, to) + 1;
        }
    }

    private DeliveryMeasures() {}

    static boolean successful(String status) {
        return status != null && SUCCESS.contains(status.strip().toLowerCase(Locale.ROOT));
    }

    static boolean failed(String status) {
        return status != null && FAILURE.contains(status.strip().toLowerCase(Locale.ROOT));
    }

    // ----- the measures -----

    /** A time and what happened then, to count in the period and in each week. */
    private record Timed<T>(Instant at, T value) {}

    static DeliveryMetrics measure(History history, Period period, Instant now) {
        List<Deployment> finished = history.deployments().stream()
                .filter(d -> (d.isSuccessful() || d.isFailed()) && d.at() != null)
                .sorted(Comparator.comparing(Deployment::at).thenComparing(Deployment::externalId))
                .toList();
        List<Deployment> successes =
                finished.stream().filter(Deployment::isSuccessful).toList();
        Map<Deployment, List<Commit>> carried = carriedCommits(successes, history.commits());
        Map<String, Map<String, Integer>> positions = positions(history.commits());

        List<Timed<Long>> leadTimes = new ArrayList<>();
        for (Deployment deployment : successes) {
            for (Commit commit : carried.getOrDefault(deployment, List.of())) {
                if (commit.committedAt() != null) {
                    leadTimes.add(new Timed<>(deployment.at(), seconds(commit.committedAt(), deployment.at())));
                }
            }
        }

        List<Issue> incidents = history.issues().stream()
                .filter(i -> i.openedAt() != null && i.labelled("incident"))
                .toList();
        List<Timed<DeliveryMetrics.Failure>> outcomes = new ArrayList<>();
        List<Timed<Boolean>> changeFailures = new ArrayList<>();
        for (Deployment deployment : finished) {
            String reason =
                    failureReason(deployment, successes, positions, carried, incidents, period.hotfixWithinHours());
            changeFailures.add(new Timed<>(deployment.at(), reason != null));
            if (reason != null) {
                outcomes.add(new Timed<>(
                        deployment.at(),
                        new DeliveryMetrics.Failure(
                                deployment.repository(), deployment.sha(), deployment.at(), reason)));
            }
        }

        List<Timed<Long>> restorations = new ArrayList<>();
        for (Issue incident : incidents) {
            if (incident.closedAt() != null) {
                restorations.add(new Timed<>(incident.openedAt(), seconds(incident.openedAt(), incident.closedAt())));
            }
        }
        Map<String, Deployment> failingSince = new HashMap<>();
        for (Deployment deployment : finished) {
            if (deployment.isFailed()) {
                failingSince.putIfAbsent(deployment.repository(), deployment);
            } else {
                Deployment first = failingSince.remove(deployment.repository());
                if (first != null) {
                    restorations.add(new Timed<>(first.at(), seconds(first.at(), deployment.at())));
                }
            }
        }

        List<Timed<String>> escapes = new ArrayList<>();
        List<Timed<String>> contained = new ArrayList<>();
        for (Issue bug : history.issues()) {
            if (bug.openedAt() == null || !bug.labelled("bug")) {
                continue;
            }
            if (!foundBeforeRelease(bug, period.environment())
                    && releaseBefore(successes, bug.openedAt(), bug.repository()) != null) {
                escapes.add(new Timed<>(bug.openedAt(), bug.severity()));
            } else {
                contained.add(new Timed<>(bug.openedAt(), bug.severity()));
            }
        }

        List<Issue> problems = history.issues().stream()
                .filter(i -> i.openedAt() != null && (i.labelled("bug") || i.labelled("incident")))
                .toList();
        List<Timed<DeliveryMetrics.Failure>> reworks = new ArrayList<>();
        for (Deployment deployment : successes) {
            String reason = reworkReason(deployment, carried.getOrDefault(deployment, List.of()), problems);
            if (reason != null) {
                reworks.add(new Timed<>(
                        deployment.at(),
                        new DeliveryMetrics.Failure(
                                deployment.repository(), deployment.sha(), deployment.at(), reason)));
            }
        }

        Instant start = period.start();
        Instant end = period.end();
        Instant asOf = now.isBefore(end) ? now : end;
        List<Timed<DeliveryMetrics.SecurityFix>> fixes = new ArrayList<>();
        List<DeliveryMetrics.OpenSecurityIssue> open = new ArrayList<>();
        for (Issue issue : history.issues()) {
            if (issue.openedAt() == null || !issue.labelled("security")) {
                continue;
            }
            Deployment fix = fixOf(issue, successes, carried);
            if (fix != null && !fix.at().isBefore(start) && fix.at().isBefore(end)) {
                fixes.add(new Timed<>(
                        fix.at(),
                        new DeliveryMetrics.SecurityFix(
                                issue.repository(),
                                issue.number(),
                                issue.title(),
                                issue.url(),
                                issue.severity(),
                                issue.openedAt(),
                                fix.at(),
                                seconds(issue.openedAt(), fix.at()))));
            } else if ((fix == null || !fix.at().isBefore(end))
                    && issue.openedAt().isBefore(end)) {
                long age = Duration.between(issue.openedAt(), asOf).toDays();
                int sla = SECURITY_SLA_DAYS.getOrDefault(issue.severity(), SECURITY_SLA_DAYS.get("unspecified"));
                open.add(new DeliveryMetrics.OpenSecurityIssue(
                        issue.repository(),
                        issue.number(),
                        issue.title(),
                        issue.url(),
                        issue.severity(),
                        issue.openedAt(),
                        Math.max(0, age),
                        sla,
                        age > sla));
            }
        }
        open.sort(Comparator.comparing(DeliveryMetrics.OpenSecurityIssue::openedAt));

        Predicate<Instant> inPeriod = at -> !at.isBefore(start) && at.isBefore(end);
        boolean environmentSeen = !finished.isEmpty() && finished.get(0).at().isBefore(end);

        // Deployment frequency
        int deployments =
                (int) successes.stream().filter(d -> inPeriod.test(d.at())).count();
        DeliveryMetrics.DeploymentFrequency frequency;
        if (!environmentSeen) {
            frequency = new DeliveryMetrics.DeploymentFrequency(
                    DeliveryMetrics.NOT_ENOUGH_DATA,
                    "Not enough data: no deployment to " + period.environment()
                            + " was received by the end of the period.",
                    null,
                    null,
                    null,
                    null);
        } else {
            double perDay = (double) deployments / period.days();
            frequency = new DeliveryMetrics.DeploymentFrequency(
                    DeliveryMetrics.OK,
                    null,
                    deployments,
                    (double) deployments * 7 / period.days(),
                    perDay,
                    deploymentFrequencyBand(perDay));
        }

        // Lead time
        List<Long> leadSamples = within(leadTimes, inPeriod);
        DeliveryMetrics.Durations leadTime = durations(
                leadSamples,
                "no successful deployment to " + period.environment()
                        + " in the period carried a pushed commit with a time.",
                DeliveryMeasures::leadTimeBand);

        // Change failure rate
        List<Boolean> periodOutcomes = within(changeFailures, inPeriod);
        int failures = (int) periodOutcomes.stream().filter(b -> b).count();
        DeliveryMetrics.ChangeFailureRate failureRate = periodOutcomes.isEmpty()
                ? new DeliveryMetrics.ChangeFailureRate(
                        DeliveryMetrics.NOT_ENOUGH_DATA,
                        "Not enough data: no deployment to " + period.environment()
                                + " succeeded or failed in the period.",
                        0,
                        0,
                        null,
                        null,
                        List.of())
                : new DeliveryMetrics.ChangeFailureRate(
                        DeliveryMetrics.OK,
                        null,
                        periodOutcomes.size(),
                        failures,
                        (double) failures / periodOutcomes.size(),
                        changeFailureRateBand((double) failures / periodOutcomes.size()),
                        within(outcomes, inPeriod));

        // Time to restore service
        int openIncidents = (int) incidents.stream()
                .filter(i -> i.openedAt().isBefore(end)
                        && (i.closedAt() == null || !i.closedAt().isBefore(end)))
                .count();
        DeliveryMetrics.TimeToRestore restore = new DeliveryMetrics.TimeToRestore(
                durations(
                        within(restorations, inPeriod),
                        "no incident was opened and closed, and no failed deployment was followed by a successful"
                                + " one, in the period.",
                        DeliveryMeasures::timeToRestoreBand),
                openIncidents);

        // Escaped defects
        int releases = deployments;
        List<String> severities = within(escapes, inPeriod);
        DeliveryMetrics.EscapedDefects escaped;
        if (!history.issuesReceived()) {
            escaped = new DeliveryMetrics.EscapedDefects(
                    DeliveryMetrics.NOT_ENOUGH_DATA,
                    "Not enough data: no issue has been received: connect the issue events of the git host.",
                    null,
                    null,
                    null,
                    Map.of());
        } else if (releases == 0) {
            escaped = new DeliveryMetrics.EscapedDefects(
                    DeliveryMetrics.NOT_ENOUGH_DATA,
                    "Not enough data: no successful deployment to " + period.environment() + " in the period.",
                    severities.size(),
                    0,
                    null,
                    bySeverity(severities));
        } else {
            escaped = new DeliveryMetrics.EscapedDefects(
                    DeliveryMetrics.OK,
                    null,
                    severities.size(),
                    releases,
                    (double) severities.size() / releases,
                    bySeverity(severities));
        }

        // Rework rate
        List<DeliveryMetrics.Failure> periodReworks = within(reworks, inPeriod);
        DeliveryMetrics.ReworkRate rework = deployments == 0
                ? new DeliveryMetrics.ReworkRate(
                        DeliveryMetrics.NOT_ENOUGH_DATA,
                        "Not enough data: no successful deployment to " + period.environment() + " in the period.",
                        0,
                        0,
                        null,
                        List.of())
                : new DeliveryMetrics.ReworkRate(
                        DeliveryMetrics.OK,
                        null,
                        deployments,
                        periodReworks.size(),
                        (double) periodReworks.size() / deployments,
                        periodReworks);

        // Defect containment
        int containedInPeriod = within(contained, inPeriod).size();
        int found = containedInPeriod + severities.size();
        DeliveryMetrics.DefectContainment containment = !history.issuesReceived()
                ? new DeliveryMetrics.DefectContainment(
                        DeliveryMetrics.NOT_ENOUGH_DATA,
                        "Not enough data: no issue has been received: connect the issue events of the git host.",
                        null,
                        null,
                        null)
                : found == 0
                        ? new DeliveryMetrics.DefectContainment(
                                DeliveryMetrics.NOT_ENOUGH_DATA,
                                "Not enough data: no bug-labelled issue was opened in the period.",
                                0,
                                0,
                                null)
                        : new DeliveryMetrics.DefectContainment(
                                DeliveryMetrics.OK,
                                null,
                                containedInPeriod,
                                severities.size(),
                                100.0 * containedInPeriod / found);

        // Security-fix lead time
        List<DeliveryMetrics.SecurityFix> periodFixes = fixes.stream()
                .map(Timed::value)
                .sorted(Comparator.comparing(DeliveryMetrics.SecurityFix::deployedAt))
                .toList();
        List<Long> fixSamples = periodFixes.stream()
                .map(DeliveryMetrics.SecurityFix::leadTimeSeconds)
                .sorted()
                .toList();
        DeliveryMetrics.SecurityFixLeadTime security = fixSamples.isEmpty()
                ? new DeliveryMetrics.SecurityFixLeadTime(
                        DeliveryMetrics.NOT_ENOUGH_DATA,
                        "Not enough data: no fix of a security-labelled issue reached " + period.environment()
                                + " in the period.",
                        0,
                        null,
                        null,
                        List.of(),
                        open)
                : new DeliveryMetrics.SecurityFixLeadTime(
                        DeliveryMetrics.OK,
                        null,
                        fixSamples.size(),
                        median(fixSamples),
                        fixSamples.get(fixSamples.size() - 1),
                        periodFixes,
                        open);

        // The weekly series: Monday to Sunday, the first and last clipped to the period.
        List<DeliveryMetrics.Week> weeks = new ArrayList<>();
        for (LocalDate monday = period.from().with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
                !monday.isAfter(period.to());
                monday = monday.plusWeeks(1)) {
            LocalDate first = monday.isBefore(period.from()) ? period.from() : monday;
            LocalDate last = monday.plusDays(6).isAfter(period.to()) ? period.to() : monday.plusDays(6);
            Instant weekStart = first.atStartOfDay(period.zone()).toInstant();
            Instant weekEnd = last.plusDays(1).atStartOfDay(period.zone()).toInstant();
            Predicate<Instant> inWeek = at -> !at.isBefore(weekStart) && at.isBefore(weekEnd);
            List<Boolean> weekOutcomes = within(changeFailures, inWeek);
            int weekFailures = (int) weekOutcomes.stream().filter(b -> b).count();
            List<Long> weekLead = within(leadTimes, inWeek);
            List<Long> weekRestore = within(restorations, inWeek);
            weeks.add(new DeliveryMetrics.Week(
                    first,
                    last,
                    (int) successes.stream().filter(d -> inWeek.test(d.at())).count(),
                    weekOutcomes.size(),
                    weekFailures,
                    weekOutcomes.isEmpty() ? null : (double) weekFailures / weekOutcomes.size(),
                    weekLead.isEmpty() ? null : median(sorted(weekLead)),
                    weekRestore.isEmpty() ? null : median(sorted(weekRestore)),
                    within(escapes, inWeek).size(),
                    within(fixes, inWeek).size()));
        }

        return new DeliveryMetrics(
                new DeliveryMetrics.Period(
                        period.from(),
                        period.to(),
                        period.environment(),
                        period.zone().getId(),
                        period.days(),
                        period.hotfixWithinHours(),
                        period.service()),
                frequency,
                leadTime,
                failureRate,
                restore,
                rework,
                escaped,
                containment,
                security,
                weeks,
                List.of());
    }

    // ----- the rules -----

    /** For each successful deployment, the commits it carried (see the class comment). */
    static Map<Deployment, List<Commit>> carriedCommits(List<Deployment> successes, List<Commit> commits) {
        Map<String, List<Commit>> byRepository = new HashMap<>();
        for (Commit commit : commits) {
            byRepository
                    .computeIfAbsent(commit.repository(), r -> new ArrayList<>())
                    .add(commit);
        }
        Map<String, Map<String, Integer>> positions = positions(commits);
        Map<String, Integer> carriedUpTo = new HashMap<>();
        Map<Deployment, List<Commit>> carried = new LinkedHashMap<>();
        for (Deployment deployment : successes) {
            Integer position = deployment.sha() == null
                    ? null
                    : positions.getOrDefault(deployment.repository(), Map.of()).get(deployment.sha());
            int upTo = carriedUpTo.getOrDefault(deployment.repository(), -1);
            if (position == null || position <= upTo) {
                carried.put(deployment, List.of());
                continue;
            }
            carried.put(
                    deployment,
                    List.copyOf(byRepository.get(deployment.repository()).subList(upTo + 1, position + 1)));
            carriedUpTo.put(deployment.repository(), position);
        }
        return carried;
    }

    /** Per repository, each commit's place in the order of arrival (the first time it arrived). */
    private static Map<String, Map<String, Integer>> positions(List<Commit> commits) {
        Map<String, Map<String, Integer>> positions = new HashMap<>();
        for (Commit commit : commits) {
            Map<String, Integer> repository = positions.computeIfAbsent(commit.repository(), r -> new HashMap<>());
            repository.putIfAbsent(commit.sha(), repository.size());
        }
        return positions;
    }

    /** Why a finished deployment is a change failure, or null when it is not. */
    private static String failureReason(
            Deployment deployment,
            List<Deployment> successes,
            Map<String, Map<String, Integer>> positions,
            Map<Deployment, List<Commit>> carried,
            List<Issue> incidents,
            Integer hotfixWithinHours) {
        if (deployment.isFailed()) {
            return "the deployment "
                    + deployment
                            .status()
                            .strip()
                            .toLowerCase(Locale.ROOT)
                            .replace("failure", "failed")
                            .replace("error", "failed with an error");
        }
        int index = successes.indexOf(deployment);
        Deployment next = null;
        Set<String> deployedBefore = new HashSet<>();
        for (int i = 0; i < successes.size(); i++) {
            Deployment other = successes.get(i);
            if (!other.repository().equals(deployment.repository())) {
                continue;
            }
            if (i < index && other.sha() != null) {
                deployedBefore.add(other.sha());
                carried.getOrDefault(other, List.of()).forEach(c -> deployedBefore.add(c.sha()));
            } else if (i > index) {
                next = other;
                break;
            }
        }
        if (next != null && next.sha() != null && !next.sha().equals(deployment.sha())) {
            Map<String, Integer> order = positions.getOrDefault(deployment.repository(), Map.of());
            Integer ours = deployment.sha() == null ? null : order.get(deployment.sha());
            Integer theirs = order.get(next.sha());
            boolean older = ours != null && theirs != null && theirs < ours;
            if (deployedBefore.contains(next.sha()) || older) {
                return "rolled back by the deployment of " + shortSha(next.sha()) + " at " + next.at();
            }
        }
        if (hotfixWithinHours != null
                && next != null
                && Duration.between(deployment.at(), next.at()).compareTo(Duration.ofHours(hotfixWithinHours)) <= 0
                && hotfix(next, carried.getOrDefault(next, List.of()))) {
            return "followed by the hotfix deployment of " + shortSha(next.sha()) + " "
                    + Duration.between(deployment.at(), next.at()).toMinutes() + " minutes later (within "
                    + hotfixWithinHours + " h)";
        }
        for (Issue incident : incidents) {
            Instant opened = incident.openedAt();
            if (!opened.isBefore(deployment.at())
                    && Duration.between(deployment.at(), opened).toHours() < INCIDENT_WINDOW_HOURS
                    && releaseBefore(successes, opened, null) == deployment) {
                return "incident #" + incident.number() + " (" + incident.repository() + ") was opened "
                        + Duration.between(deployment.at(), opened).toMinutes() + " minutes after it";
            }
        }
        // A linked incident counts whenever it is opened: one whose title names the deployed commit (its first
        // seven or more characters, as people paste them from the deployment) is about that deployment, even
        // when later deployments came first or the window above has passed.
        for (Issue incident : incidents) {
            if (!incident.openedAt().isBefore(deployment.at()) && namesCommit(incident.title(), deployment.sha())) {
                return "incident #" + incident.number() + " (" + incident.repository() + ") names it, opened "
                        + Duration.between(deployment.at(), incident.openedAt()).toHours() + " hours after it";
            }
        }
        return null;
    }

    private static final Pattern COMMIT_IN_TEXT = Pattern.compile("\\b[0-9a-fA-F]{7,40}\\b");

    /** Whether the text holds the commit's id or an abbreviation of it (seven characters or more). */
    static boolean namesCommit(String text, String sha) {
        if (text == null || sha == null) {
            return false;
        }
        String commit = sha.toLowerCase(Locale.ROOT);
        Matcher found = COMMIT_IN_TEXT.matcher(text);
        while (found.find()) {
            if (commit.startsWith(found.group().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why a successful deployment is rework (unplanned, to repair what production showed), or null: it is a
     * hotfix, or it carries a commit naming a bug- or incident-labelled issue of its repository opened before it.
     */
    static String reworkReason(Deployment deployment, List<Commit> carried, List<Issue> problems) {
        if (hotfix(deployment, carried)) {
            return "a hotfix ("
                    + (deployment.ref() != null
                                    && deployment.ref().toLowerCase(Locale.ROOT).contains("hotfix")
                            ? "its ref is " + deployment.ref()
                            : "a commit says so")
                    + ")";
        }
        for (Commit commit : carried) {
            for (Issue issue : problems) {
                if (issue.openedAt().isBefore(deployment.at()) && names(commit, issue)) {
                    return "carries " + shortSha(commit.sha()) + ", a fix for "
                            + (issue.labelled("incident") ? "incident" : "bug") + " #" + issue.number() + " ("
                            + issue.repository() + ")";
                }
            }
        }
        return null;
    }

    /**
     * A bug caught before it reached users: labelled {@code pre-release} or {@code found-before-release}, or
     * {@code found-in:<environment>} (also {@code found-in/...}, {@code found in: ...}) naming another environment
     * than the measured one ({@code found-in:staging}).
     */
    static boolean foundBeforeRelease(Issue bug, String environment) {
        for (String label : bug.labels()) {
            String text = label.strip().toLowerCase(Locale.ROOT);
            if (text.equals("pre-release") || text.equals("found-before-release")) {
                return true;
            }
            Matcher matcher = FOUND_IN_LABEL.matcher(text);
            if (matcher.matches() && !matcher.group(1).strip().equalsIgnoreCase(environment.strip())) {
                return true;
            }
        }
        return false;
    }

    /** A deployment whose ref, or one of whose commits, says "hotfix" (any case). */
    static boolean hotfix(Deployment deployment, List<Commit> carried) {
        if (deployment.ref() != null
                && deployment.ref().toLowerCase(Locale.ROOT).contains("hotfix")) {
            return true;
        }
        return carried.stream()
                .anyMatch(c -> c.message() != null
                        && c.message().toLowerCase(Locale.ROOT).contains("hotfix"));
    }

    /**
     * The latest successful deployment at or before {@code at}: of {@code repository} when it has any, else of
     * any repository ({@code repository} null: any).
     */
    private static Deployment releaseBefore(List<Deployment> successes, Instant at, String repository) {
        Deployment own = null;
        Deployment any = null;
        for (Deployment deployment : successes) {
            if (deployment.at().isAfter(at)) {
                break;
            }
            any = deployment;
            if (deployment.repository().equals(repository)) {
                own = deployment;
            }
        }
        boolean repositoryDeploys = repository != null
                && successes.stream().anyMatch(d -> d.repository().equals(repository));
        return repositoryDeploys ? own : any;
    }

    /** The first successful deployment carrying a commit whose message names the issue. */
    private static Deployment fixOf(Issue issue, List<Deployment> successes, Map<Deployment, List<Commit>> carried) {
        for (Deployment deployment : successes) {
            for (Commit commit : carried.getOrDefault(deployment, List.of())) {
                if (names(commit, issue)) {
                    return deployment;
                }
            }
        }
        return null;
    }

    static boolean names(Commit commit, Issue issue) {
        if (commit.message() == null) {
            return false;
        }
        Matcher matcher = ISSUE_REFERENCE.matcher(commit.message());
        while (matcher.find()) {
            String repository = matcher.group(1) == null ? commit.repository() : matcher.group(1);
            if (repository.equalsIgnoreCase(issue.repository())
                    && matcher.group(2).equals(String.valueOf(issue.number()))) {
                return true;
            }
        }
        return false;
    }

    // ----- DORA bands -----
    // The performance levels of the 2021 Accelerate State of DevOps report (DORA), the last to publish four
    // levels with thresholds for all four measures:
    //   deployment frequency: elite on demand (multiple deploys per day); high between once per day and once
    //     per week; medium between once per week and once per month; low between once per month and once
    //     every six months.
    //   lead time for changes: elite less than one hour; high between one day and one week; medium between one
    //     month and six months; low more than six months.
    //   time to restore service: elite less than one hour; high less than one day; medium between one day and
    //     one week; low more than six months.
    //   change failure rate: elite 0-15 %; high, medium and low all 16-30 %.
    // The report leaves gaps between levels (a lead time of a few hours, of two weeks); a value in a gap takes
    // the better neighbour. A change failure rate above 30 % is past every published range and is low; 16-30 %
    // is high, the best level that range is given for.

    static String deploymentFrequencyBand(double perDay) {
        if (perDay > 1) {
            return ELITE;
        }
        if (perDay * 7 >= 1) {
            return HIGH;
        }
        if (perDay * 365.25 / 12 >= 1) {
            return MEDIUM;
        }
        return LOW;
    }

    static String leadTimeBand(double medianSeconds) {
        if (medianSeconds < 3600) {
            return ELITE;
        }
        if (medianSeconds <= 7 * 86400) {
            return HIGH;
        }
        if (medianSeconds <= 365.25 / 2 * 86400) {
            return MEDIUM;
        }
        return LOW;
    }

    static String timeToRestoreBand(double medianSeconds) {
        if (medianSeconds < 3600) {
            return ELITE;
        }
        if (medianSeconds < 86400) {
            return HIGH;
        }
        if (medianSeconds <= 7 * 86400) {
            return MEDIUM;
        }
        return LOW;
    }

    static String changeFailureRateBand(double rate) {
        if (rate <= 0.15) {
            return ELITE;
        }
        if (rate <= 0.30) {
            return HIGH;
        }
        return LOW;
    }

    // ----- arithmetic -----

    /** The middle of sorted samples, or the mean of the middle two. */
    static double median(List<Long> sorted) {
        int n = sorted.size();
        if (n == 0) {
            throw new IllegalArgumentException("no samples");
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /** Nearest rank: the sample at rank ceil(p/100 x n) of the sorted samples. */
    static long percentile(List<Long> sorted, int percent) {
        int n = sorted.size();
        if (n == 0 || percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("no samples or percent out of range");
        }
        int rank = (int) Math.ceil(percent * n / 100.0);
        return sorted.get(Math.max(rank, 1) - 1);
    }

    private static DeliveryMetrics.Durations durations(
            List<Long> samples, String missing, java.util.function.DoubleFunction<String> band) {
        if (samples.isEmpty()) {
            return new DeliveryMetrics.Durations(
                    DeliveryMetrics.NOT_ENOUGH_DATA, "Not enough data: " + missing, 0, null, null, null, null, null);
        }
        List<Long> sorted = sorted(samples);
        double median = median(sorted);
        return new DeliveryMetrics.Durations(
                DeliveryMetrics.OK,
                null,
                sorted.size(),
                median,
                percentile(sorted, 85),
                percentile(sorted, 90),
                sorted.get(sorted.size() - 1),
                band.apply(median));
    }

    private static List<Long> sorted(Collection<Long> samples) {
        return samples.stream().sorted().toList();
    }

    private static <T> List<T> within(List<Timed<T>> events, Predicate<Instant> when) {
        return events.stream().filter(e -> when.test(e.at())).map(Timed::value).toList();
    }

    private static Map<String, Integer> bySeverity(List<String> severities) {
        Map<String, Integer> counts = new TreeMap<>();
        severities.forEach(s -> counts.merge(s, 1, Integer::sum));
        return counts;
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).getSeconds());
    }

    private static String shortSha(String sha) {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }
}
