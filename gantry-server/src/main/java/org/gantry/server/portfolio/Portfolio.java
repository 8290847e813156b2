package org.gantry.server.portfolio;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.gantry.server.dashboard.Dashboard;
import org.gantry.server.dashboard.DashboardService.TimelineMilestone;

/**
 * The projects a viewer may see (not archived; system admins and portfolio managers: all), in the order asked
 * ({@code sort}: HEALTH, worst {@code overall} first: RED, AMBER, GREEN, then GREY; ALIGNMENT, highest
 * first; NAME, by key). {@code counts} says how many projects have each overall colour. {@code groups} groups
 * the projects' keys by programme or by strategic goal when asked ({@code groupBy} PROGRAMME or GOAL), empty
 * otherwise. {@code programmes} and {@code goals} are all there are.
 */
public record Portfolio(
        List<Line> projects,
        Counts counts,
        String sort,
        String groupBy,
        List<Group> groups,
        List<Programme> programmes,
        List<StrategicGoal> goals) {

    /**
     * One project: its health per area and overall (the worst judged colour), its % complete, its start and
     * finish against baseline 0 (slip in working days), cost ({@code costState} READY with budget at
     * completion, actual cost and estimate at completion; NOT_SET_UP or HIDDEN otherwise), open threats at or
     * above its own risk threshold, its programme, whether it is proposed, its estimated cost (in
     * {@code projectCurrency}), its goal scores and alignment (percent, null without goals), and every
     * milestone for the timeline. {@code role} is the viewer's role in it, null where they are no member.
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
            int highThreatScore,
            LocalDateTime start,
            Long programmeId,
            String programmeName,
            boolean proposed,
            BigDecimal estimatedCost,
            String projectCurrency,
            List<Score> scores,
            BigDecimal alignment,
            List<TimelineMilestone> milestones) {

        /** What the bubble chart sizes a project by: its budget at completion, else its estimated cost. */
        public BigDecimal budget() {
            return budgetAtCompletion != null ? budgetAtCompletion : estimatedCost;
        }

        public int score(long goalId) {
            return scores.stream()
                    .filter(score -> score.goalId() == goalId)
                    .mapToInt(Score::score)
                    .findFirst()
                    .orElse(0);
        }
    }

    /** A project's score (0-5) for one strategic goal; goals it has no score for count as 0. */
    public record Score(long goalId, int score) {}

    public record Counts(int red, int amber, int green, int grey) {}

    /**
     * A programme (or "No programme", id null) with its projects, or a strategic goal with the projects that
     * contribute to it (score above 0), highest score first.
     */
    public record Group(String kind, Long id, String name, Integer weight, List<String> projects) {}
}
