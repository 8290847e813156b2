package org.gantry.server.portfolio;

import java.math.BigDecimal;
import java.util.List;

/**
 * The proposed projects a viewer may see, ranked by alignment (highest first; without goals or scores, by
 * estimated cost, cheapest first), with the running total of their estimated costs. With a {@code budget},
 * the projects from the top whose running total stays within it fit; the first that does not, and every one
 * below it, falls under the cut-off line. Costs are added as numbers: Gantry converts no currency.
 */
public record WhatIf(BigDecimal budget, List<Candidate> ranked, int fitting, BigDecimal fittingCost) {

    /**
     * One proposed project: its rank (1 first), alignment, estimated cost (null: none, counted as 0), the
     * running total up to it, and whether it fits the budget (null without a budget).
     */
    public record Candidate(
            int rank,
            String key,
            String name,
            BigDecimal alignment,
            BigDecimal estimatedCost,
            String currency,
            BigDecimal cumulativeCost,
            Boolean fits) {}
}
