package org.gantry.server.portfolio;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.web.FieldMessages;
import org.gantry.server.web.ShellPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The portfolio pages. /portfolio: the viewer's projects (sorted and grouped as the address says), the
 * timeline of all of them with their milestones, the bubble chart of value against risk or cost, and the
 * what-if ranking of proposed projects against a budget; every choice is a GET form, so the address keeps it.
 * The page refetches itself every minute (static/js/portfolio.js): live updates are per project, and the
 * portfolio spans them all. /portfolio/projects/{key}: one project's programme, proposed state, estimate and
 * goal scores. /portfolio/strategy: the programmes and strategic goals.
 */
@Controller
@ShellPage
class PortfolioPages {

    private final PortfolioService portfolio;
    private final PlacementService placements;
    private final StrategyService strategy;
    private final PortfolioViewer viewer;

    PortfolioPages(
            PortfolioService portfolio, PlacementService placements, StrategyService strategy, PortfolioViewer viewer) {
        this.portfolio = portfolio;
        this.placements = placements;
        this.strategy = strategy;
        this.viewer = viewer;
    }

    /** A group of the projects table with its lines and the id of its section. */
    public record GroupView(String id, Portfolio.Group group, List<Portfolio.Line> lines) {}

    @GetMapping("/portfolio")
    String page(
            CurrentUser user,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String group,
            @RequestParam(required = false) String axis,
            @RequestParam(required = false) BigDecimal budget,
            Model model) {
        String bubbleAxis =
                axis == null || axis.isBlank() ? "RISK" : axis.strip().toUpperCase(Locale.ROOT);
        if (!bubbleAxis.equals("RISK") && !bubbleAxis.equals("COST")) {
            throw new InvalidInput("axis", "must be RISK or COST");
        }
        PortfolioService.checkBudget(budget);
        Portfolio shown = portfolio.portfolio(user, sort, group);
        model.addAttribute("portfolio", shown);
        Map<String, Portfolio.Line> byKey = new HashMap<>();
        shown.projects().forEach(line -> byKey.put(line.key(), line));
        model.addAttribute(
                "groups",
                shown.groups().stream()
                        .map(shownGroup -> new GroupView(
                                "group-" + shownGroup.kind().toLowerCase(Locale.ROOT) + "-"
                                        + (shownGroup.id() == null ? "none" : shownGroup.id()),
                                shownGroup,
                                shownGroup.projects().stream().map(byKey::get).toList()))
                        .toList());
        model.addAttribute("timeline", PortfolioCharts.timeline(shown.projects()));
        model.addAttribute("bubbles", PortfolioCharts.bubbles(shown.projects(), bubbleAxis));
        model.addAttribute("whatIf", PortfolioService.whatIf(shown, budget));
        model.addAttribute("axis", bubbleAxis);
        model.addAttribute("budget", budget);
        model.addAttribute("seesEverything", viewer.seesEverything(user));
        model.addAttribute("section", "portfolio");
        return "portfolio/portfolio";
    }

    @GetMapping("/portfolio/projects/{key}")
    String placement(CurrentUser user, @PathVariable String key, Model model) {
        model.addAttribute("placement", placements.placement(user, key));
        model.addAttribute("programmes", strategy.programmes());
        model.addAttribute("section", "portfolio");
        return "portfolio/placement";
    }

    @PostMapping("/portfolio/projects/{key}")
    String place(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) Long programmeId,
            @RequestParam(required = false) Boolean proposed,
            @RequestParam(required = false) String estimatedCost,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        try {
            BigDecimal cost = parseCost(estimatedCost);
            placements.place(user, key, new PlacementChanges(programmeId, proposed, cost, version));
            redirect.addFlashAttribute("notice", "Saved the project's place in the portfolio.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("fieldErrors", FieldMessages.of(e));
        } catch (Conflict e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/portfolio/projects/" + key;
    }

    @PostMapping("/portfolio/projects/{key}/scores/{goalId}")
    String score(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long goalId,
            @RequestParam(required = false) Integer score,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        try {
            placements.score(user, key, goalId, new ScoreChange(score, version));
            redirect.addFlashAttribute("notice", "Saved the score.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("fieldErrors", FieldMessages.of(e));
        } catch (Conflict e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/portfolio/projects/" + key + "#goal-" + goalId;
    }

    @GetMapping("/portfolio/strategy")
    String strategy(CurrentUser user, Model model) {
        viewer.requireStrategist(user);
        model.addAttribute("programmes", strategy.programmes());
        model.addAttribute("goals", strategy.goals());
        model.addAttribute("section", "portfolio");
        return "portfolio/strategy";
    }

    @PostMapping("/portfolio/programmes")
    String createProgramme(
            CurrentUser user,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String description,
            RedirectAttributes redirect) {
        return strategyChange(redirect, "programme", () -> {
            strategy.createProgramme(user, new ProgrammeFields(name, description, null));
            return "Programme " + name.strip() + " created.";
        });
    }

    @PostMapping("/portfolio/programmes/{id}")
    String updateProgramme(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        return strategyChange(redirect, "programme-" + id, () -> {
            strategy.updateProgramme(user, id, new ProgrammeFields(name, description, version));
            return "Programme saved.";
        });
    }

    @PostMapping("/portfolio/programmes/{id}/delete")
    String deleteProgramme(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return strategyChange(redirect, "programme", () -> {
            strategy.deleteProgramme(user, id);
            return "Programme deleted: its projects are in no programme now.";
        });
    }

    @PostMapping("/portfolio/goals")
    String createGoal(
            CurrentUser user,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String weight,
            RedirectAttributes redirect) {
        return strategyChange(redirect, "goal", () -> {
            strategy.createGoal(user, new GoalFields(name, description, parseWeight(weight), null));
            return "Strategic goal " + name.strip() + " created.";
        });
    }

    @PostMapping("/portfolio/goals/{id}")
    String updateGoal(
            CurrentUser user,
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String description,
            @RequestParam(required = false) String weight,
            @RequestParam(required = false) Integer version,
            RedirectAttributes redirect) {
        return strategyChange(redirect, "goal-" + id, () -> {
            strategy.updateGoal(user, id, new GoalFields(name, description, parseWeight(weight), version));
            return "Strategic goal saved.";
        });
    }

    @PostMapping("/portfolio/goals/{id}/delete")
    String deleteGoal(CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        return strategyChange(redirect, "goal", () -> {
            strategy.deleteGoal(user, id);
            return "Strategic goal deleted, with every project's score for it.";
        });
    }

    /** Runs a change of the strategy page and tells the person what happened, next to the form they used. */
    private static String strategyChange(
            RedirectAttributes redirect, String form, java.util.function.Supplier<String> change) {
        try {
            redirect.addFlashAttribute("notice", change.get());
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("errorForm", form);
            redirect.addFlashAttribute("fieldErrors", FieldMessages.of(e));
        } catch (Conflict e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/portfolio/strategy";
    }

    private static Integer parseWeight(String weight) {
        if (weight == null || weight.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(weight.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("weight", "must be a whole number from 1 to 100");
        }
    }

    private static BigDecimal parseCost(String cost) {
        if (cost == null || cost.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(cost.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("estimatedCost", "must be an amount such as 120000 or 120000.50");
        }
    }
}
