package org.gantry.server.portfolio;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.web.bind.annotation.GetMapping;

@Tag(
        name = "Portfolio",
        description = "Every project the caller may see with its health, progress, finish, cost and risk")
@GantryApi
class PortfolioApi {

    private final PortfolioService portfolio;

    PortfolioApi(PortfolioService portfolio) {
        this.portfolio = portfolio;
    }

    @Operation(
            summary = "The caller's portfolio: every project they may see (admins: all), worst health first",
            description = "Each project measured by its own dashboard as the caller sees it: costs only where the"
                    + " caller's role shows them (costState HIDDEN otherwise). Archived projects are left out.")
    @GetMapping("/api/v1/portfolio")
    Portfolio portfolio(CurrentUser user) {
        return portfolio.portfolio(user);
    }
}
