package org.gantry.server.portfolio;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gantry.server.dashboard.Dashboard;
import org.gantry.server.dashboard.DashboardService;
import org.gantry.server.dashboard.DashboardService.TimelineMilestone;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectService;
import org.gantry.server.project.ProjectSummary;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.PageOf;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portfolio of one viewer: the projects {@link ProjectService#list} shows them (system admins and
 * portfolio managers: all), each measured by its own dashboard as this viewer sees it (so costs stay hidden
 * where their role hides them), with its programme, goal scores, alignment and milestones.
 *
 * <p>Read in one read-only transaction: the figures of all projects come from one snapshot, and the admin's
 * view a portfolio manager reads with ({@link PortfolioViewer#lens}) can write nothing.
 */
@Service
public class PortfolioService {

    private static final int PAGE = 200;
    private static final List<String> WORST_FIRST = List.of("RED", "AMBER", "GREEN", "GREY");
    static final List<String> SORTS = List.of("HEALTH", "ALIGNMENT", "NAME");
    static final List<String> GROUPINGS = List.of("NONE", "PROGRAMME", "GOAL");

    private final ProjectService projects;
    private final DashboardService dashboards;
    private final PortfolioViewer viewer;
    private final StrategyService strategy;
    private final PlacementService placements;

    PortfolioService(
            ProjectService projects,
            DashboardService dashboards,
            PortfolioViewer viewer,
            StrategyService strategy,
            PlacementService placements) {
        this.projects = projects;
        this.dashboards = dashboards;
        this.viewer = viewer;
        this.strategy = strategy;
        this.placements = placements;
    }

    @Transactional(readOnly = true)
    public Portfolio portfolio(CurrentUser user, String sort, String groupBy) {
        String order = choice("sort", sort, "HEALTH", SORTS);
        String grouping = choice("groupBy", groupBy, "NONE", GROUPINGS);
        CurrentUser lens = viewer.lens(user);
        List<ProjectSummary> visible = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageOf<ProjectSummary> found = projects.list(lens, null, false, page, PAGE);
            visible.addAll(found.items());
            if ((long) (page + 1) * PAGE >= found.total()) {
                break;
            }
        }
        List<Long> ids = visible.stream().map(ProjectSummary::id).toList();
        Map<Long, PlacementService.Stored> stored = placements.stored(ids);
        Map<Long, Map<Long, Integer>> scores = placements.scores(ids);
        List<StrategicGoal> goals = strategy.goals();
        List<Portfolio.Line> lines = new ArrayList<>();
        for (ProjectSummary project : visible) {
            lines.add(line(
                    project,
                    projects.get(lens, project.key()),
                    dashboards.dashboard(lens, project.key()),
                    dashboards.milestones(lens, project.key()),
                    stored.getOrDefault(project.id(), PlacementService.Stored.NONE),
                    scores.getOrDefault(project.id(), Map.of()),
                    goals));
        }
        lines.sort(order(order));
        return new Portfolio(
                lines,
                new Portfolio.Counts(
                        count(lines, "RED"), count(lines, "AMBER"), count(lines, "GREEN"), count(lines, "GREY")),
                order,
                grouping,
                groups(grouping, lines, strategy.programmes(), goals),
                strategy.programmes(),
                goals);
    }

    /** The what-if ranking of the proposed projects the viewer may see, cut off at {@code budget} when given. */
    @Transactional(readOnly = true)
    public WhatIf whatIf(CurrentUser user, BigDecimal budget) {
        checkBudget(budget);
        return whatIf(portfolio(user, "ALIGNMENT", null), budget);
    }

    static void checkBudget(BigDecimal budget) {
        if (budget != null && budget.signum() < 0) {
            throw new InvalidInput("budget", "must be 0 or more");
        }
    }

    /** The what-if ranking of a portfolio already read (the page shows both, and reads the projects once). */
    static WhatIf whatIf(Portfolio portfolio, BigDecimal budget) {
        List<Portfolio.Line> proposed = portfolio.projects().stream()
                .filter(Portfolio.Line::proposed)
                .sorted(Comparator.comparing(
                                Portfolio.Line::alignment, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
                        .thenComparing(Portfolio.Line::estimatedCost, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(Portfolio.Line::key))
                .toList();
        List<WhatIf.Candidate> ranked = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal fittingCost = BigDecimal.ZERO;
        int fitting = 0;
        boolean cut = false;
        for (Portfolio.Line line : proposed) {
            BigDecimal cost = line.estimatedCost() == null ? BigDecimal.ZERO : line.estimatedCost();
            total = total.add(cost);
            Boolean fits = null;
            if (budget != null) {
                cut = cut || total.compareTo(budget) > 0;
                fits = !cut;
                if (fits) {
                    fitting++;
                    fittingCost = total;
                }
            }
            ranked.add(new WhatIf.Candidate(
                    ranked.size() + 1,
                    line.key(),
                    line.name(),
                    line.alignment(),
                    line.estimatedCost(),
                    line.projectCurrency(),
                    total,
                    fits));
        }
        return new WhatIf(budget, ranked, fitting, fittingCost);
    }

    private static String choice(String field, String value, String otherwise, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        String upper = value.strip().toUpperCase(Locale.ROOT);
        if (!allowed.contains(upper)) {
            throw new InvalidInput(field, "must be one of " + String.join(", ", allowed));
        }
        return upper;
    }

    private static Comparator<Portfolio.Line> order(String sort) {
        Comparator<Portfolio.Line> byKey = Comparator.comparing(Portfolio.Line::key);
        return switch (sort) {
            case "ALIGNMENT" ->
                Comparator.comparing(
                                Portfolio.Line::alignment, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
                        .thenComparing(byKey);
            case "NAME" -> byKey;
            default ->
                Comparator.comparingInt((Portfolio.Line line) -> WORST_FIRST.indexOf(line.overall()))
                        .thenComparing(byKey);
        };
    }

    private static List<Portfolio.Group> groups(
            String grouping, List<Portfolio.Line> lines, List<Programme> programmes, List<StrategicGoal> goals) {
        List<Portfolio.Group> groups = new ArrayList<>();
        if (grouping.equals("PROGRAMME")) {
            for (Programme programme : programmes) {
                List<String> keys = lines.stream()
                        .filter(line -> line.programmeId() != null && line.programmeId() == programme.id())
                        .map(Portfolio.Line::key)
                        .toList();
                groups.add(new Portfolio.Group("PROGRAMME", programme.id(), programme.name(), null, keys));
            }
            List<String> none = lines.stream()
                    .filter(line -> line.programmeId() == null)
                    .map(Portfolio.Line::key)
                    .toList();
            groups.add(new Portfolio.Group("PROGRAMME", null, "No programme", null, none));
        } else if (grouping.equals("GOAL")) {
            for (StrategicGoal goal : goals) {
                List<String> keys = lines.stream()
                        .filter(line -> line.score(goal.id()) > 0)
                        .sorted(Comparator.comparingInt((Portfolio.Line line) -> line.score(goal.id()))
                                .reversed()
                                .thenComparing(order("ALIGNMENT")))
                        .map(Portfolio.Line::key)
                        .toList();
                groups.add(new Portfolio.Group("GOAL", goal.id(), goal.name(), goal.weight(), keys));
            }
        }
        return groups;
    }

    private static int count(List<Portfolio.Line> lines, String colour) {
        return (int)
                lines.stream().filter(line -> line.overall().equals(colour)).count();
    }

    private static Portfolio.Line line(
            ProjectSummary project,
            Project details,
            Dashboard d,
            List<TimelineMilestone> milestones,
            PlacementService.Stored placement,
            Map<Long, Integer> scoreByGoal,
            List<StrategicGoal> goals) {
        String overall = d.health().stream()
                .map(Dashboard.Health::colour)
                .filter(colour -> !colour.equals("GREY"))
                .min(Comparator.comparingInt(WORST_FIRST::indexOf))
                .orElse("GREY");
        boolean costs = d.cost().state().equals("READY");
        Map<Long, Integer> known = new HashMap<>(scoreByGoal);
        return new Portfolio.Line(
                project.key(),
                project.name(),
                project.myRole() == null ? null : project.myRole().name(),
                overall,
                d.health(),
                d.progress().plannedPercent(),
                d.progress().actualPercent(),
                d.finish().finish(),
                d.finish().baselineFinish(),
                d.finish().slipDays(),
                d.cost().state(),
                d.cost().currency(),
                costs ? d.cost().budgetAtCompletion() : null,
                costs ? d.cost().actualCost() : null,
                costs ? d.cost().estimateAtCompletion() : null,
                d.risk().open(),
                d.risk().atOrAboveScore(),
                d.risk().score(),
                d.criticalPath().start(),
                placement.programmeId(),
                placement.programmeName(),
                placement.proposed(),
                placement.estimatedCost(),
                details.currency(),
                goals.stream()
                        .map(goal -> new Portfolio.Score(goal.id(), known.getOrDefault(goal.id(), 0)))
                        .toList(),
                Alignment.of(goals, known),
                milestones);
    }
}
