package org.gantry.server.signals;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Delivery page ({@code /projects/{key}/delivery}): the measures of {@code .../delivery-metrics} as tiles
 * with their DORA band and what each one counts, and the weekly series as two charts (static/js/delivery.js
 * draws them with ECharts) each followed by its table. The period and environment live in the address; a
 * period that cannot be measured is explained and the default one shown, never an error page.
 */
@Controller
class DeliveryPages {
    private static final int[] PRESET_WEEKS = {4, 12, 26, 52};

    private final ProjectService projects;
    private final DeliveryMetricsService metrics;
    private final Clock clock;

    DeliveryPages(ProjectService projects, DeliveryMetricsService metrics, Clock clock) {
        this.projects = projects;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A measure as a tile: its figure in words, what stands behind it, its DORA band (null: none). */
    record Tile(String id, String title, String value, String detail, String band, String note, String definition) {}

    /** A week of the series, in words and numbers for the tables. */
    record WeekRow(
            String start,
            String end,
            int deployments,
            int finished,
            int failures,
            String failureRate,
            String leadTime,
            String restore,
            int escapedDefects,
            int securityFixes) {}

    @GetMapping("/projects/{key}/delivery")
    String page(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String environment,
            @RequestParam(required = false) String service,
            Model model) {
        Project project = projects.get(user, key);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(project.timeZone())));
        DeliveryMetrics measured;
        String periodError = null;
        try {
            measured = metrics.measure(user, project.key(), from, to, environment, service);
        } catch (InvalidInput e) {
            periodError = "This period cannot be measured: "
                    + e.errors().stream()
                            .map(problem -> problem.field() + " " + problem.message())
                            .collect(Collectors.joining("; "))
                    + ".";
            measured = metrics.measure(user, project.key(), null, null, null);
        }
        DeliveryMetrics.Period period = measured.period();
        model.addAttribute("project", project);
        model.addAttribute("tab", "delivery");
        model.addAttribute("period", period);
        model.addAttribute("periodError", periodError);
        model.addAttribute("defaultWeeks", DeliveryMetricsService.DEFAULT_WEEKS);
        model.addAttribute("presets", presets(today, period));
        model.addAttribute("metrics", measured);
        model.addAttribute("tiles", tiles(measured));
        model.addAttribute("weeks", weekRows(measured));
        model.addAttribute("hasDeployments", measured.weeks().stream().anyMatch(w -> w.finishedDeployments() > 0));
        model.addAttribute(
                "hasTimes",
                measured.weeks().stream()
                        .anyMatch(w -> w.leadTimeMedianSeconds() != null || w.restoreMedianSeconds() != null));
        model.addAttribute("seriesJson", seriesJson(measured));
        var minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of(project.timeZone()));
        model.addAttribute("minutes", minutes);
        model.addAttribute("incidentWindowHours", DeliveryMeasures.INCIDENT_WINDOW_HOURS);
        return "signals/delivery";
    }

    private static List<Map<String, Object>> presets(LocalDate today, DeliveryMetrics.Period period) {
        List<Map<String, Object>> presets = new ArrayList<>();
        for (int weeks : PRESET_WEEKS) {
            LocalDate from = today.minusWeeks(weeks).plusDays(1);
            presets.add(Map.of(
                    "weeks",
                    weeks,
                    "from",
                    from,
                    "to",
                    today,
                    "current",
                    from.equals(period.from()) && today.equals(period.to())));
        }
        return presets;
    }

    static List<Tile> tiles(DeliveryMetrics metrics) {
        String environment = metrics.period().environment();
        List<Tile> tiles = new ArrayList<>();
        var frequency = metrics.deploymentFrequency();
        tiles.add(
                enough(frequency.status())
                        ? new Tile(
                                "deployment-frequency",
                                "Deployment frequency",
                                String.format(Locale.ROOT, "%.1f per week", frequency.perWeek()),
                                frequency.deployments() + " successful deployment" + plural(frequency.deployments())
                                        + " to " + environment,
                                frequency.band(),
                                null,
                                "Successful deployments to " + environment + " in the period, per week.")
                        : missing(
                                "deployment-frequency",
                                "Deployment frequency",
                                frequency.note(),
                                "Successful deployments to " + environment + " in the period, per week."));
        var lead = metrics.leadTime();
        String leadDefinition = "From a commit's time to the successful deployment to " + environment
                + " that carried it; median, 90th percentile.";
        tiles.add(
                enough(lead.status())
                        ? new Tile(
                                "lead-time",
                                "Lead time for changes",
                                duration(lead.medianSeconds()),
                                "90th percentile " + duration((double) lead.p90Seconds()) + " · " + lead.count()
                                        + " commit" + plural(lead.count()),
                                lead.band(),
                                null,
                                leadDefinition)
                        : missing("lead-time", "Lead time for changes", lead.note(), leadDefinition));
        var failure = metrics.changeFailureRate();
        String failureDefinition = "Deployments that failed, were rolled back, or were followed within "
                + DeliveryMeasures.INCIDENT_WINDOW_HOURS + " hours by an incident"
                + (metrics.period().hotfixWithinHours() == null
                        ? ""
                        : " or within " + metrics.period().hotfixWithinHours() + " hours by a hotfix")
                + ", of all that finished.";
        tiles.add(
                enough(failure.status())
                        ? new Tile(
                                "change-failure-rate",
                                "Change failure rate",
                                percent(failure.rate()),
                                failure.failures() + " of " + failure.deployments() + " deployment"
                                        + plural(failure.deployments()),
                                failure.band(),
                                null,
                                failureDefinition)
                        : missing("change-failure-rate", "Change failure rate", failure.note(), failureDefinition));
        var restored = metrics.timeToRestore().restored();
        String restoreDefinition =
                "Incident opened to closed, or a failed deployment to the next successful one;" + " median.";
        String openIncidents = metrics.timeToRestore().openIncidents() == 0
                ? ""
                : " · " + metrics.timeToRestore().openIncidents() + " incident"
                        + plural(metrics.timeToRestore().openIncidents()) + " open";
        tiles.add(
                enough(restored.status())
                        ? new Tile(
                                "time-to-restore",
                                "Time to restore service",
                                duration(restored.medianSeconds()),
                                restored.count() + " restoration" + plural(restored.count()) + openIncidents,
                                restored.band(),
                                null,
                                restoreDefinition)
                        : missing("time-to-restore", "Time to restore service", restored.note(), restoreDefinition));
        var rework = metrics.reworkRate();
        String reworkDefinition = "Successful deployments that were unplanned repairs (a hotfix, or carrying a commit"
                + " that names a bug or incident reported before it), of all successful deployments.";
        tiles.add(
                enough(rework.status())
                        ? new Tile(
                                "rework-rate",
                                "Rework rate",
                                percent(rework.rate()),
                                rework.rework() + " of " + rework.deployments() + " deployment"
                                        + plural(rework.deployments()),
                                null,
                                null,
                                reworkDefinition)
                        : missing("rework-rate", "Rework rate", rework.note(), reworkDefinition));
        var escaped = metrics.escapedDefects();
        String escapedDefinition = "Bug-labelled issues opened after a release, per successful deployment.";
        tiles.add(
                enough(escaped.status())
                        ? new Tile(
                                "escaped-defects",
                                "Escaped defects",
                                String.format(Locale.ROOT, "%.2f per release", escaped.perRelease()),
                                escaped.defects() + " defect" + plural(escaped.defects()) + " · " + escaped.releases()
                                        + " release" + plural(escaped.releases()) + severities(escaped.bySeverity()),
                                null,
                                null,
                                escapedDefinition)
                        : missing("escaped-defects", "Escaped defects", escaped.note(), escapedDefinition));
        var containment = metrics.defectContainment();
        String containmentDefinition = "Bugs caught before release (labelled found-in:<another environment> or"
                + " pre-release, or found before anything was released) of all bugs reported in the period.";
        tiles.add(
                enough(containment.status())
                        ? new Tile(
                                "defect-containment",
                                "Defect containment",
                                String.format(Locale.ROOT, "%.0f %%", containment.percent()),
                                containment.contained() + " caught before release · " + containment.escaped()
                                        + " escaped",
                                null,
                                null,
                                containmentDefinition)
                        : missing(
                                "defect-containment", "Defect containment", containment.note(), containmentDefinition));
        var security = metrics.securityFixLeadTime();
        String securityDefinition = "From a security-labelled issue's report to the deployment to " + environment
                + " of a commit that names it; median, maximum.";
        long breaching = security.open().stream()
                .filter(DeliveryMetrics.OpenSecurityIssue::breachesSla)
                .count();
        String open = security.open().isEmpty()
                ? ""
                : " · " + security.open().size() + " open" + (breaching > 0 ? ", " + breaching + " past target" : "");
        tiles.add(
                enough(security.status())
                        ? new Tile(
                                "security-fix-lead-time",
                                "Security-fix lead time",
                                duration(security.medianSeconds()),
                                "maximum " + duration((double) security.maximumSeconds()) + " · " + security.fixed()
                                        + " fix" + (security.fixed() == 1 ? "" : "es") + open,
                                null,
                                null,
                                securityDefinition)
                        : new Tile(
                                "security-fix-lead-time",
                                "Security-fix lead time",
                                "Not enough data",
                                open.isEmpty() ? null : open.substring(3),
                                null,
                                reason(security.note()),
                                securityDefinition));
        return tiles;
    }

    private static Tile missing(String id, String title, String note, String definition) {
        return new Tile(id, title, "Not enough data", null, null, reason(note), definition);
    }

    /** The API's note without its "Not enough data: " lead, which the tile already shows as its value. */
    private static String reason(String note) {
        String lead = "Not enough data: ";
        if (note == null || !note.startsWith(lead) || note.length() == lead.length()) {
            return note;
        }
        String rest = note.substring(lead.length());
        return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }

    private static boolean enough(String status) {
        return DeliveryMetrics.OK.equals(status);
    }

    private static String plural(long count) {
        return count == 1 ? "" : "s";
    }

    private static String severities(Map<String, Integer> bySeverity) {
        if (bySeverity.isEmpty()) {
            return "";
        }
        return " ("
                + bySeverity.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", "))
                + ")";
    }

    static List<WeekRow> weekRows(DeliveryMetrics metrics) {
        return metrics.weeks().stream()
                .map(week -> new WeekRow(
                        week.start().toString(),
                        week.end().toString(),
                        week.deployments(),
                        week.finishedDeployments(),
                        week.changeFailures(),
                        week.changeFailureRate() == null ? "–" : percent(week.changeFailureRate()),
                        week.leadTimeMedianSeconds() == null ? "–" : duration(week.leadTimeMedianSeconds()),
                        week.restoreMedianSeconds() == null ? "–" : duration(week.restoreMedianSeconds()),
                        week.escapedDefects(),
                        week.securityFixes()))
                .toList();
    }

    private static String seriesJson(DeliveryMetrics metrics) {
        List<String> weeks = new ArrayList<>();
        List<Integer> deployments = new ArrayList<>();
        List<Integer> failures = new ArrayList<>();
        List<Double> lead = new ArrayList<>();
        List<Double> restore = new ArrayList<>();
        for (DeliveryMetrics.Week week : metrics.weeks()) {
            weeks.add(week.start().toString());
            deployments.add(week.deployments());
            failures.add(week.changeFailures());
            lead.add(hours(week.leadTimeMedianSeconds()));
            restore.add(hours(week.restoreMedianSeconds()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("weeks", weeks);
        json.put("deployments", deployments);
        json.put("failures", failures);
        json.put("leadTimeHours", lead);
        json.put("restoreHours", restore);
        return JsonMapper.shared().writeValueAsString(json);
    }

    private static Double hours(Double seconds) {
        return seconds == null ? null : Math.round(seconds / 36.0) / 100.0;
    }

    /** "45 min", "2 h 30 min", "3 d 4 h": two units at most, rounded down to the minute. */
    static String duration(Double seconds) {
        if (seconds == null) {
            return "–";
        }
        long minutes = (long) (seconds / 60);
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return minutes % 60 == 0 ? hours + " h" : hours + " h " + minutes % 60 + " min";
        }
        long days = hours / 24;
        return hours % 24 == 0 ? days + " d" : days + " d " + hours % 24 + " h";
    }

    private static String percent(Double rate) {
        return String.format(Locale.ROOT, "%.0f %%", rate * 100);
    }
}
