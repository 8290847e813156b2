package org.gantry.server.portfolio;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.gantry.server.dashboard.Dashboard;

/**
 * The projects a viewer may see (not archived), worst {@code overall} health first: RED, AMBER, GREEN, then
 * GREY (nothing judged). {@code counts} says how many projects have each overall colour.
 */
public record Portfolio(List<Line> projects, Counts counts) {

    /**
     * One project: its health per area and overall (the worst judged colour), its % complete, its finish
     * against baseline 0 (slip in working days), cost ({@code costState} READY with budget at completion,
     * actual cost and estimate at completion; NOT_SET_UP or HIDDEN otherwise) and open threats at or above
     * its own risk threshold.
     */
    public record Line(
            String key,
            String name,
            String role,
            String overall,
            List<Dashboard.Health> health,
            BigDecimal plannedPercent,
            BigDecimal actualPercent,
            LocalDateTime finish,
            LocalDateTime baselineFinish,
            BigDecimal slipDays,
            String costState,
            String currency,
            BigDecimal budgetAtCompletion,
            BigDecimal actualCost,
            BigDecimal estimateAtCompletion,
            int openThreats,
            int highThreats,
            int highThreatScore) {}

    public record Counts(int red, int amber, int green, int grey) {}
}
