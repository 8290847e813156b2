package org.gantry.server.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Tag(
        name = "Portfolio",
        description = "Every project the caller may see with its health, progress, finish, cost, risk, programme,"
                + " strategic alignment and milestones; the what-if ranking of proposed projects")
@GantryApi
class PortfolioApi {

    private final PortfolioService portfolio;

    PortfolioApi(PortfolioService portfolio) {
        this.portfolio = portfolio;
    }

    @Operation(
            summary = "The caller's portfolio: every project they may see (admins and portfolio managers: all)",
            description = "Each project measured by its own dashboard as the caller sees it: costs only where the"
                    + " caller's role shows them (costState HIDDEN otherwise). Archived projects are left out."
                    + " sort: HEALTH (worst first, the default), ALIGNMENT (highest first) or NAME; groupBy:"
                    + " NONE (default), PROGRAMME or GOAL fills groups with the projects' keys.")
    @GetMapping("/api/v1/portfolio")
    Portfolio portfolio(
            CurrentUser user,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String groupBy) {
        return portfolio.portfolio(user, sort, groupBy);
    }

    @Operation(
            summary = "The proposed projects ranked by alignment, with a budget cut-off line",
            description = "Proposed projects the caller may see, highest alignment first, with the running total"
                    + " of their estimated costs; with budget, those from the top whose running total stays"
                    + " within it fit (fits true), the rest fall under the line.")
    @GetMapping("/api/v1/portfolio/what-if")
    WhatIf whatIf(CurrentUser user, @RequestParam(required = false) BigDecimal budget) {
        return portfolio.whatIf(user, budget);
    }
}
