package org.gantry.server.portfolio;

import org.gantry.server.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The portfolio page (/portfolio): a table of the viewer's projects, worst health first, each linking to its
 * dashboard. It refetches itself every minute (static/js/portfolio.js): live updates are per project, and the
 * portfolio spans them all.
 */
@Controller
class PortfolioPages {

    private final PortfolioService portfolio;

    PortfolioPages(PortfolioService portfolio) {
        this.portfolio = portfolio;
    }

    @GetMapping("/portfolio")
    String page(CurrentUser user, Model model) {
        model.addAttribute("me", user);
        model.addAttribute("portfolio", portfolio.portfolio(user));
        return "portfolio/portfolio";
    }
}
