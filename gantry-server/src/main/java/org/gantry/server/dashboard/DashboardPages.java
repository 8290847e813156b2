package org.gantry.server.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.StaleVersion;
import org.gantry.server.signals.DeliverySummary;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard page, the project's home (/projects/{key}): the tiles in the person's order, hidden ones
 * listed apart with a Show button; static/js/dashboard.js moves and hides tiles with buttons (saved through
 * the preferences API), draws the charts with ECharts from the figures the tables beside them show, and
 * refetches the tiles when live.js reports a change. Owners and managers edit the thresholds in a form.
 */
@Controller
class DashboardPages {

    private final ProjectService projects;
    private final DashboardService dashboards;
    private final DashboardSettings settings;
    private final DeliverySummary delivery;

    DashboardPages(
            ProjectService projects,
            DashboardService dashboards,
            DashboardSettings settings,
            DeliverySummary delivery) {
        this.delivery = delivery;
        this.projects = projects;
        this.dashboards = dashboards;
        this.settings = settings;
    }

    /** A tile as the page places it. */
    record TileView(String id, String title, boolean hidden) {}

    /** The thresholds form as typed (texts, so a typo is a field message, not a failed binding). */
    record ThresholdForm(
            String scheduleAmberDays,
            String scheduleRedDays,
            String costAmberCpi,
            String costRedCpi,
            String scopeAmberTasks,
            String scopeRedTasks,
            String riskScore,
            String riskAmberCount,
            String riskRedCount,
            String version) {

        static ThresholdForm of(DashboardThresholds t) {
            return new ThresholdForm(
                    String.valueOf(t.scheduleAmberDays()),
                    String.valueOf(t.scheduleRedDays()),
                    t.costAmberCpi().stripTrailingZeros().toPlainString(),
                    t.costRedCpi().stripTrailingZeros().toPlainString(),
                    String.valueOf(t.scopeAmberTasks()),
                    String.valueOf(t.scopeRedTasks()),
                    String.valueOf(t.riskScore()),
                    String.valueOf(t.riskAmberCount()),
                    String.valueOf(t.riskRedCount()),
                    String.valueOf(t.version()));
        }

        DashboardThresholds parse(InvalidInput.Collector problems) {
            return new DashboardThresholds(
                    whole("scheduleAmberDays", scheduleAmberDays, problems),
                    whole("scheduleRedDays", scheduleRedDays, problems),
                    decimal("costAmberCpi", costAmberCpi, problems),
                    decimal("costRedCpi", costRedCpi, problems),
                    whole("scopeAmberTasks", scopeAmberTasks, problems),
                    whole("scopeRedTasks", scopeRedTasks, problems),
                    whole("riskScore", riskScore, problems),
                    whole("riskAmberCount", riskAmberCount, problems),
                    whole("riskRedCount", riskRedCount, problems),
                    whole("version", version, problems));
        }

        private static Integer whole(String field, String text, InvalidInput.Collector problems) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                problems.add(field, "must be a whole number");
                return null;
            }
        }

        private static BigDecimal decimal(String field, String text, InvalidInput.Collector problems) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                problems.add(field, "must be a number such as 0.9");
                return null;
            }
        }
    }

    @GetMapping("/projects/{key}")
    String page(CurrentUser user, @PathVariable String key, Model model) {
        Project project = projects.get(user, key);
        ProjectAccess access = projects.access(user, project.key());
        return page(user, project, access, ThresholdForm.of(settings.thresholds(access)), Map.of(), model);
    }

    /** The address a refused thresholds form stays at: reloading it opens the dashboard. */
    @GetMapping("/projects/{key}/dashboard/thresholds")
    String thresholdsForm(CurrentUser user, @PathVariable String key) {
        return "redirect:/projects/" + projects.get(user, key).key() + "#tile-health";
    }

    @PostMapping("/projects/{key}/dashboard/thresholds")
    String saveThresholds(
            CurrentUser user, @PathVariable String key, ThresholdForm form, Model model, RedirectAttributes redirect) {
        Project project = projects.get(user, key);
        ProjectAccess access = projects.access(user, project.key());
        var problems = new InvalidInput.Collector();
        DashboardThresholds wanted = form.parse(problems);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            problems.throwIfAny();
        } catch (InvalidInput e) {
            e.errors().forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
        }
        try {
            // Also with typing mistakes: a field that did not parse is null, which the service refuses as
            // missing (so nothing is saved), and the other fields get their own messages at the same time.
            settings.saveThresholds(user, project.key(), wanted);
            redirect.addFlashAttribute("notice", "Health thresholds saved.");
            return "redirect:/projects/" + project.key() + "#tile-health";
        } catch (InvalidInput e) {
            e.errors().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
            model.addAttribute("thresholdsOpen", true);
            return page(user, project, access, form, errors, model);
        } catch (StaleVersion e) {
            model.addAttribute("thresholdsOpen", true);
            model.addAttribute(
                    "thresholdsStale",
                    "Someone else changed the thresholds meanwhile; the form shows theirs now. Apply your change again.");
            return page(user, project, access, ThresholdForm.of(settings.thresholds(access)), Map.of(), model);
        }
    }

    private String page(
            CurrentUser user,
            Project project,
            ProjectAccess access,
            ThresholdForm form,
            Map<String, String> errors,
            Model model) {
        Dashboard dashboard = dashboards.dashboard(user, project.key());
        DashboardPreferences preferences = settings.preferences(access);
        List<TileView> tiles = new ArrayList<>();
        for (String id : preferences.order()) {
            Tile tile = Tile.of(id);
            tiles.add(new TileView(id, tile.title(), preferences.hidden().contains(id)));
        }
        model.addAttribute("project", project);
        model.addAttribute("tab", "dashboard");
        model.addAttribute("dashboard", dashboard);
        // The delivery tile: the four DORA measures of the last twelve weeks (signals' own wording).
        model.addAttribute("delivery", delivery.of(user, project.key()));
        model.addAttribute("tiles", tiles);
        model.addAttribute("preferencesVersion", preferences.version());
        model.addAttribute("canEditThresholds", access.can(Permission.EDIT_PROJECT) && !project.archived());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "progressJson",
                json(Map.of(
                        "labels", List.of("Planned", "Actual"),
                        "values",
                                java.util.Arrays.asList(
                                        dashboard.progress().plannedPercent(),
                                        dashboard.progress().actualPercent()))));
        List<String> names = new ArrayList<>();
        List<BigDecimal> thisWeek = new ArrayList<>();
        List<BigDecimal> nextWeek = new ArrayList<>();
        for (Dashboard.PersonLoad person : dashboard.workload().people()) {
            names.add(person.name());
            thisWeek.add(person.thisWeekHours());
            nextWeek.add(person.nextWeekHours());
        }
        model.addAttribute(
                "workloadJson",
                json(Map.of(
                        "names", names,
                        "thisWeek", thisWeek,
                        "nextWeek", nextWeek,
                        "capacity", dashboard.workload().capacityThisWeekHours())));
        List<String> labels = new ArrayList<>();
        List<String> finishes = new ArrayList<>();
        for (Dashboard.TrendPoint point : dashboard.finish().trend()) {
            labels.add(point.label());
            finishes.add(point.finish().toLocalDate().toString());
        }
        model.addAttribute("trendJson", json(Map.of("labels", labels, "finishes", finishes)));
        return "dashboard/dashboard";
    }

    private static String json(Object value) {
        return JsonMapper.shared().writeValueAsString(value);
    }
}
