package org.gantry.server.portfolio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.gantry.server.dashboard.Dashboard;
import org.gantry.server.dashboard.DashboardService;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.ProjectService;
import org.gantry.server.project.ProjectSummary;
import org.gantry.server.shared.PageOf;
import org.springframework.stereotype.Service;

/**
 * The portfolio of one viewer: the projects {@link ProjectService#list} shows them (system admins: all), each
 * measured by its own dashboard as this viewer sees it (so costs stay hidden where their role hides them).
 */
@Service
public class PortfolioService {

    private static final int PAGE = 200;
    private static final List<String> WORST_FIRST = List.of("RED", "AMBER", "GREEN", "GREY");

    private final ProjectService projects;
    private final DashboardService dashboards;

    PortfolioService(ProjectService projects, DashboardService dashboards) {
        this.projects = projects;
        this.dashboards = dashboards;
    }

    public Portfolio portfolio(CurrentUser user) {
        List<Portfolio.Line> lines = new ArrayList<>();
        for (int page = 0; ; page++) {
            PageOf<ProjectSummary> visible = projects.list(user, null, false, page, PAGE);
            for (ProjectSummary project : visible.items()) {
                lines.add(line(project, dashboards.dashboard(user, project.key())));
            }
            if ((long) (page + 1) * PAGE >= visible.total()) {
                break;
            }
        }
        lines.sort(Comparator.comparingInt((Portfolio.Line line) -> WORST_FIRST.indexOf(line.overall()))
                .thenComparing(Portfolio.Line::key));
        return new Portfolio(
                lines,
                new Portfolio.Counts(
                        count(lines, "RED"), count(lines, "AMBER"), count(lines, "GREEN"), count(lines, "GREY")));
    }

    private static int count(List<Portfolio.Line> lines, String colour) {
        return (int)
                lines.stream().filter(line -> line.overall().equals(colour)).count();
    }

    private static Portfolio.Line line(ProjectSummary project, Dashboard d) {
        String overall = d.health().stream()
                .map(Dashboard.Health::colour)
                .filter(colour -> !colour.equals("GREY"))
                .min(Comparator.comparingInt(WORST_FIRST::indexOf))
                .orElse("GREY");
        boolean costs = d.cost().state().equals("READY");
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
                d.risk().score());
    }
}
