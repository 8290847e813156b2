package org.gantry.server.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.gantry.server.signals.DeliveryMeasures.Commit;
import org.gantry.server.signals.DeliveryMeasures.Deployment;
import org.gantry.server.signals.DeliveryMeasures.History;
import org.gantry.server.signals.DeliveryMeasures.Issue;
import org.gantry.server.signals.DeliveryMeasures.Period;
import org.junit.jupiter.api.Test;

class DeliveryMeasuresTests {
    private static final String REPO = "acme/api";
    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    // ----- percentiles -----

    @Test
    void medianOfAnOddCountIsTheMiddleSampleAndOfAnEvenCountTheMeanOfTheMiddleTwo() {
        assertThat(DeliveryMeasures.median(List.of(5L))).isEqualTo(5.0);
        assertThat(DeliveryMeasures.median(List.of(1L, 2L, 9L))).isEqualTo(2.0);
        assertThat(DeliveryMeasures.median(List.of(1L, 2L, 3L, 4L))).isEqualTo(2.5);
        assertThatThrownBy(() -> DeliveryMeasures.median(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> ten = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(DeliveryMeasures.percentile(ten, 90)).isEqualTo(9);
        assertThat(DeliveryMeasures.percentile(ten, 85))
                .as("rank ceil(8.5) = 9")
                .isEqualTo(9);
        assertThat(DeliveryMeasures.percentile(ten, 100)).isEqualTo(10);
        assertThat(DeliveryMeasures.percentile(List.of(7L), 90)).isEqualTo(7);
        assertThat(DeliveryMeasures.percentile(List.of(1L, 2L, 3L, 4L), 85))
                .as("rank ceil(3.4) = 4")
                .isEqualTo(4);
        assertThat(DeliveryMeasures.percentile(List.of(1L, 2L, 3L, 4L, 5L), 50))
                .as("rank ceil(2.5) = 3")
                .isEqualTo(3);
        List<Long> twenty = new ArrayList<>();
        for (long i = 1; i <= 20; i++) {
            twenty.add(i * 10);
        }
        assertThat(DeliveryMeasures.percentile(twenty, 90))
                .as("rank 18 exactly")
                .isEqualTo(180);
        assertThat(DeliveryMeasures.percentile(twenty, 85))
                .as("rank 17 exactly")
                .isEqualTo(170);
    }

    // ----- calendar -----

    @Test
    void aPeriodIsWholeDaysOfTheProjectTimeZoneAcrossADaylightSavingChange() {
        Period period = new Period(LocalDate.of(2026, 3, 23), LocalDate.of(2026, 4, 5), BERLIN, "production");
        assertThat(period.days()).isEqualTo(14);
        assertThat(period.start()).isEqualTo(Instant.parse("2026-03-22T23:00:00Z"));
        assertThat(period.end()).as("summer time from 29 March").isEqualTo(Instant.parse("2026-04-05T22:00:00Z"));
    }

    @Test
    void weeksRunMondayToSundayClippedToThePeriodInTheProjectTimeZone() {
        Period period = new Period(LocalDate.of(2026, 3, 4), LocalDate.of(2026, 3, 17), BERLIN, "production");
        // Sunday 23:30 UTC is Monday 00:30 in Berlin: the second week.
        History history = new History(
                List.of(success("d1", null, "2026-03-08T22:30:00Z"), success("d2", null, "2026-03-08T23:30:00Z")),
                List.of(),
                List.of(),
                false);
        DeliveryMetrics metrics = DeliveryMeasures.measure(history, period, NOW);
        assertThat(metrics.weeks())
                .extracting(w -> w.start() + ".." + w.end() + ":" + w.deployments())
                .containsExactly("2026-03-04..2026-03-08:1", "2026-03-09..2026-03-15:1", "2026-03-16..2026-03-17:0");
        assertThat(metrics.deploymentFrequency().deployments()).isEqualTo(2);
        assertThat(metrics.deploymentFrequency().perWeek()).isEqualTo(1.0);
        assertThat(metrics.deploymentFrequency().perDay()).isEqualTo(2.0 / 14);
        assertThat(metrics.deploymentFrequency().band()).isEqualTo("high");
    }

    @Test
    void aDeploymentAtMidnightBelongsToTheDayItStarts() {
        Period period = new Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), UTC, "production");
        History history = new History(
                List.of(success("early", null, "2026-03-02T00:00:00Z"), success("late", null, "2026-03-09T00:00:00Z")),
                List.of(),
                List.of(),
                false);
        assertThat(DeliveryMeasures.measure(history, period, NOW)
                        .deploymentFrequency()
                        .deployments())
                .isEqualTo(1);
    }

    // ----- bands -----

    @Test
    void bandsFollowThePublishedDoraThresholds() {
        assertThat(DeliveryMeasures.deploymentFrequencyBand(2.0)).isEqualTo("elite");
        assertThat(DeliveryMeasures.deploymentFrequencyBand(1.0))
                .as("once a day is high")
                .isEqualTo("high");
        assertThat(DeliveryMeasures.deploymentFrequencyBand(1.0 / 7)).isEqualTo("high");
        assertThat(DeliveryMeasures.deploymentFrequencyBand(1.0 / 8)).isEqualTo("medium");
        assertThat(DeliveryMeasures.deploymentFrequencyBand(12 / 365.25)).isEqualTo("medium");
        assertThat(DeliveryMeasures.deploymentFrequencyBand(1.0 / 60)).isEqualTo("low");
        assertThat(DeliveryMeasures.leadTimeBand(3599)).isEqualTo("elite");
        assertThat(DeliveryMeasures.leadTimeBand(3600)).isEqualTo("high");
        assertThat(DeliveryMeasures.leadTimeBand(7 * 86400)).isEqualTo("high");
        assertThat(DeliveryMeasures.leadTimeBand(7 * 86400 + 1)).isEqualTo("medium");
        assertThat(DeliveryMeasures.leadTimeBand(200 * 86400)).isEqualTo("low");
        assertThat(DeliveryMeasures.timeToRestoreBand(1800)).isEqualTo("elite");
        assertThat(DeliveryMeasures.timeToRestoreBand(86399)).isEqualTo("high");
        assertThat(DeliveryMeasures.timeToRestoreBand(86400)).isEqualTo("medium");
        assertThat(DeliveryMeasures.timeToRestoreBand(8 * 86400)).isEqualTo("low");
        assertThat(DeliveryMeasures.changeFailureRateBand(0.15)).isEqualTo("elite");
        assertThat(DeliveryMeasures.changeFailureRateBand(0.25)).isEqualTo("high");
        assertThat(DeliveryMeasures.changeFailureRateBand(0.5)).isEqualTo("low");
    }

    // ----- rules -----

    @Test
    void aDeploymentCarriesTheCommitsPushedUpToItsShaThatNoEarlierDeploymentCarried() {
        List<Commit> commits = List.of(
                commit("a", "2026-03-02T09:00:00Z", "first"),
                commit("b", "2026-03-02T10:00:00Z", "second"),
                commit("c", "2026-03-03T09:00:00Z", "third"),
                commit("d", "2026-03-03T10:00:00Z", "fourth"));
        Deployment first = success("1", "b", "2026-03-02T12:00:00Z");
        Deployment second = success("2", "d", "2026-03-03T12:00:00Z");
        Deployment again = success("3", "b", "2026-03-03T13:00:00Z");
        Deployment unknown = success("4", "f00", "2026-03-03T14:00:00Z");
        var carried = DeliveryMeasures.carriedCommits(List.of(first, second, again, unknown), commits);
        assertThat(carried.get(first)).extracting(Commit::sha).containsExactly("a", "b");
        assertThat(carried.get(second)).extracting(Commit::sha).containsExactly("c", "d");
        assertThat(carried.get(again)).isEmpty();
        assertThat(carried.get(unknown)).isEmpty();
    }

    @Test
    void changeFailuresAreFailedDeploymentsRollbacksAndIncidentsWithinADay() {
        Period period = new Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), UTC, "production");
        List<Commit> commits = List.of(
                commit("a", "2026-03-02T08:00:00Z", "one"),
                commit("b", "2026-03-02T09:00:00Z", "two"),
                commit("c", "2026-03-03T09:00:00Z", "three"),
                commit("d", "2026-03-04T09:00:00Z", "four"));
        List<Deployment> deployments = List.of(
                success("1", "a", "2026-03-02T10:00:00Z"),
                success("2", "b", "2026-03-02T12:00:00Z"), // rolled back by 3
                success("3", "a", "2026-03-02T13:00:00Z"),
                success("4", "c", "2026-03-03T10:00:00Z"), // an incident 2 h later
                failure("5", "d", "2026-03-04T10:00:00Z"),
                success("6", "d", "2026-03-04T11:30:00Z"),
                pending("7", "d", "2026-03-05T10:00:00Z"));
        List<Issue> issues = List.of(
                issue(1, List.of("incident"), "2026-03-03T12:00:00Z", "2026-03-03T12:45:00Z"),
                issue(2, List.of("incident"), "2026-03-06T12:00:00Z", null)); // 2 days after 6: no deployment's
        DeliveryMetrics metrics =
                DeliveryMeasures.measure(new History(deployments, commits, issues, true), period, NOW);
        var rate = metrics.changeFailureRate();
        assertThat(rate.deployments()).isEqualTo(6);
        assertThat(rate.failures()).isEqualTo(3);
        assertThat(rate.rate()).isEqualTo(0.5);
        assertThat(rate.band()).isEqualTo("low");
        assertThat(rate.failed())
                .extracting(f -> f.sha() + ": " + f.reason())
                .containsExactly(
                        "b: rolled back by the deployment of a at 2026-03-02T13:00:00Z",
                        "c: incident #1 (acme/api) was opened 120 minutes after it",
                        "d: the deployment failed");
        // Restored: incident 1 after 45 min; the failure of 5 by 6 after 90 min.
        var restored = metrics.timeToRestore().restored();
        assertThat(restored.count()).isEqualTo(2);
        assertThat(restored.medianSeconds()).isEqualTo((45 * 60 + 90 * 60) / 2.0);
        assertThat(restored.p90Seconds()).isEqualTo(90 * 60);
        assertThat(restored.band()).isEqualTo("high");
        assertThat(metrics.timeToRestore().openIncidents()).isEqualTo(1);
        // Lead times: a 2 h, b 3 h, c 1 h, d 2.5 h (the rollback to a carries nothing).
        var lead = metrics.leadTime();
        assertThat(lead.count()).isEqualTo(4);
        assertThat(lead.medianSeconds()).isEqualTo((2 * 3600 + 2.5 * 3600) / 2);
        assertThat(lead.p90Seconds()).isEqualTo(3 * 3600);
        assertThat(lead.maximumSeconds()).isEqualTo(3 * 3600);
        assertThat(lead.band()).isEqualTo("high");
    }

    @Test
    void anIncidentNamingTheDeployedCommitIsAChangeFailureHoweverLateItIsOpened() {
        Period period = new Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), UTC, "production");
        List<Commit> commits = List.of(
                commit("a1b2c3d4e5f6", "2026-03-02T08:00:00Z", "one"),
                commit("0f9e8d7c6b5a", "2026-03-03T08:00:00Z", "two"));
        List<Deployment> deployments = List.of(
                success("1", "a1b2c3d4e5f6", "2026-03-02T10:00:00Z"),
                success("2", "0f9e8d7c6b5a", "2026-03-03T10:00:00Z"));
        Issue linked = new Issue(
                REPO,
                7,
                "Checkout totals wrong since A1B2C3D",
                null,
                List.of("incident"),
                Instant.parse("2026-03-05T10:00:00Z"),
                null);
        Issue unlinked = new Issue(
                REPO,
                8,
                "Slow search since 0f9e8d (six characters name nothing)",
                null,
                List.of("incident"),
                Instant.parse("2026-03-06T10:00:00Z"),
                null);
        Issue bug = new Issue(
                REPO, 9, "Typo in 0f9e8d7c6b5a", null, List.of("bug"), Instant.parse("2026-03-06T11:00:00Z"), null);

        DeliveryMetrics metrics = DeliveryMeasures.measure(
                new History(deployments, commits, List.of(linked, unlinked, bug), true), period, NOW);

        // Three days after its deployment, with another deployment in between: outside the 24-hour window, but it
        // names the commit, in other case and abbreviated. Six characters and a bug name nothing.
        assertThat(metrics.changeFailureRate().failed())
                .extracting(f -> f.sha() + ": " + f.reason())
                .containsExactly("a1b2c3d4e5f6: incident #7 (acme/api) names it, opened 72 hours after it");
        assertThat(metrics.changeFailureRate().failures()).isEqualTo(1);
        assertThat(metrics.changeFailureRate().rate()).isEqualTo(0.5);
    }

    @Test
    void withoutSignalsEveryMeasureSaysNotEnoughDataRatherThanZero() {
        Period period = new Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), UTC, "production");
        DeliveryMetrics metrics =
                DeliveryMeasures.measure(new History(List.of(), List.of(), List.of(), false), period, NOW);
        assertThat(metrics.deploymentFrequency().status()).isEqualTo(DeliveryMetrics.NOT_ENOUGH_DATA);
        assertThat(metrics.deploymentFrequency().deployments()).isNull();
        assertThat(metrics.leadTime().status()).isEqualTo(DeliveryMetrics.NOT_ENOUGH_DATA);
        assertThat(metrics.changeFailureRate().status()).isEqualTo(DeliveryMetrics.NOT_ENOUGH_DATA);
        assertThat(metrics.changeFailureRate().rate()).isNull();
        assertThat(metrics.timeToRestore().restored().status()).isEqualTo(DeliveryMetrics.NOT_ENOUGH_DATA);
        assertThat(metrics.escapedDefects().status()).isEqualTo(DeliveryMetrics.NOT_ENOUGH_DATA);
        assertThat(metrics.escapedDefects().defects()).isNull();
        assertThat(metrics.securityFixLeadTime().status()).isEqualTo(DeliveryMetrics.NOT_ENOUGH_DATA);
        assertThat(metrics.deploymentFrequency().note()).startsWith("Not enough data: no deployment to production");

        // A deployment received only after the period does not make the period's zero true.
        History later = new History(List.of(success("1", null, "2026-04-01T10:00:00Z")), List.of(), List.of(), true);
        assertThat(DeliveryMeasures.measure(later, period, NOW)
                        .deploymentFrequency()
                        .status())
                .isEqualTo(DeliveryMetrics.NOT_ENOUGH_DATA);
        // One before it does: no deployment in the period is then a real zero.
        History earlier = new History(List.of(success("1", null, "2026-02-01T10:00:00Z")), List.of(), List.of(), true);
        var frequency = DeliveryMeasures.measure(earlier, period, NOW).deploymentFrequency();
        assertThat(frequency.status()).isEqualTo(DeliveryMetrics.OK);
        assertThat(frequency.deployments()).isZero();
        assertThat(frequency.band()).isEqualTo("low");
    }

    @Test
    void bugsOpenedAfterAReleaseAreEscapedDefectsBySeverity() {
        Period period = new Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 8), UTC, "production");
        List<Deployment> deployments =
                List.of(success("1", null, "2026-03-03T10:00:00Z"), success("2", null, "2026-03-05T10:00:00Z"));
        List<Issue> issues = List.of(
                issue(1, List.of("bug"), "2026-03-02T10:00:00Z", null), // before any release
                issue(2, List.of("type::bug", "severity::high"), "2026-03-03T11:00:00Z", null),
                issue(3, List.of("Bug", "critical"), "2026-03-06T11:00:00Z", null),
                issue(4, List.of("kind/bug"), "2026-03-07T11:00:00Z", null),
                issue(5, List.of("bugfix"), "2026-03-07T11:00:00Z", null)); // not a bug label
        var escaped = DeliveryMeasures.measure(new History(deployments, List.of(), issues, true), period, NOW)
                .escapedDefects();
        assertThat(escaped.status()).isEqualTo(DeliveryMetrics.OK);
        assertThat(escaped.defects()).isEqualTo(3);
        assertThat(escaped.releases()).isEqualTo(2);
        assertThat(escaped.perRelease()).isEqualTo(1.5);
        assertThat(escaped.bySeverity())
                .containsExactly(
                        java.util.Map.entry("critical", 1),
                        java.util.Map.entry("high", 1),
                        java.util.Map.entry("unspecified", 1));
    }

    @Test
    void aSecurityIssueIsFixedByTheFirstDeploymentCarryingACommitThatNamesIt() {
        Period period = new Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 15), UTC, "production");
        List<Commit> commits = List.of(
                commit("a", "2026-03-03T09:00:00Z", "Refers to #123, not to twelve"),
                commit("b", "2026-03-04T09:00:00Z", "Escape the password (fixes #12)"),
                new Commit("acme/web", "w", Instant.parse("2026-03-04T09:00:00Z"), "Also acme/api#13 here"),
                commit("c", "2026-03-05T09:00:00Z", "other/repo#14 is not ours"));
        List<Deployment> deployments = List.of(
                success("1", "a", "2026-03-03T12:00:00Z"),
                success("2", "b", "2026-03-04T12:00:00Z"),
                new Deployment("acme/web", "w1", "success", "w", null, Instant.parse("2026-03-06T12:00:00Z")),
                success("3", "c", "2026-03-05T12:00:00Z"));
        List<Issue> issues = List.of(
                issue(12, List.of("security", "severity: critical"), "2026-03-02T12:00:00Z", null),
                issue(13, List.of("security"), "2026-03-03T12:00:00Z", null),
                issue(14, List.of("security", "low"), "2026-01-01T00:00:00Z", null));
        var security = DeliveryMeasures.measure(
                        new History(deployments, commits, issues, true), period, Instant.parse("2026-03-10T00:00:00Z"))
                .securityFixLeadTime();
        assertThat(security.fixed()).isEqualTo(2);
        assertThat(security.fixes())
                .extracting(f -> f.number() + " " + f.severity() + " " + f.leadTimeSeconds())
                .containsExactly("12 critical " + 2 * 86400, "13 unspecified " + 3 * 86400);
        assertThat(security.medianSeconds()).isEqualTo(2.5 * 86400);
        assertThat(security.maximumSeconds()).isEqualTo(3 * 86400);
        assertThat(security.open())
                .extracting(o -> o.number() + " " + o.ageDays() + " " + o.slaDays() + " " + o.breachesSla())
                .as("open for 68 days on the 10th, past the 180 days? no")
                .containsExactly("14 68 180 false");
    }

    // ----- fixtures -----

    private static Deployment success(String id, String sha, String at) {
        return new Deployment(REPO, id, "success", sha, Instant.parse(at), Instant.parse(at));
    }

    private static Deployment failure(String id, String sha, String at) {
        return new Deployment(REPO, id, "failure", sha, Instant.parse(at), null);
    }

    private static Deployment pending(String id, String sha, String at) {
        return new Deployment(REPO, id, "pending", sha, Instant.parse(at), null);
    }

    private static Commit commit(String sha, String at, String message) {
        return new Commit(REPO, sha, Instant.parse(at), message);
    }

    private static Issue issue(long number, List<String> labels, String opened, String closed) {
        return new Issue(
                REPO,
                number,
                "Issue " + number,
                null,
                labels,
                Instant.parse(opened),
                closed == null ? null : Instant.parse(closed));
    }
}
