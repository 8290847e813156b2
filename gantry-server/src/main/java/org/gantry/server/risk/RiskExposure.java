package org.gantry.server.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.PlanDates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk register seen as a whole, for everyone who reads the project: the 5x5 heat map of the open risks and
 * how the project's exposure went day by day (from the daily figures the database keeps in risk_exposure_day).
 * The register itself (its risks, their fields and rules) is {@link RiskService}'s.
 */
@Service
class RiskExposure {
    private static final int MAXIMUM_TREND_DAYS = 3660;

    private final JdbcClient jdbc;
    private final ProjectService projects;

    RiskExposure(JdbcClient jdbc, ProjectService projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    /** The 5x5 heat map of the open risks (OPEN and MONITORING), by their inherent rating. */
    @Transactional(readOnly = true)
    public HeatMap heatMap(CurrentUser user, String projectRef, String kind) {
        return heatMap(user, projectRef, kind, null);
    }

    /**
     * The 5x5 heat map of the open risks (OPEN and MONITORING). basis INHERENT (default) or RESIDUAL: where
     * each risk sits once its response is in place (a risk not yet rated that way stays where it is).
     */
    @Transactional(readOnly = true)
    public HeatMap heatMap(CurrentUser user, String projectRef, String kind, String basis) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (kind != null && !RiskService.KINDS.contains(kind)) {
            problems.add("kind", "must be THREAT or OPPORTUNITY");
        }
        String chosenBasis =
                basis == null || basis.isBlank() ? "INHERENT" : basis.strip().toUpperCase(Locale.ROOT);
        if (!RiskService.BASES.contains(chosenBasis)) {
            problems.add("basis", "must be INHERENT or RESIDUAL");
        }
        problems.throwIfAny();
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        String probabilityColumn =
                chosenBasis.equals("RESIDUAL") ? "coalesce(residual_probability, probability)" : "probability";
        String impactColumn = chosenBasis.equals("RESIDUAL") ? "coalesce(residual_impact, impact)" : "impact";
        List<Long>[][] ids = cells();
        int[] totals = new int[2];
        jdbc.sql("select id, " + probabilityColumn + ", " + impactColumn + " from risk where project_id = :project"
                        + " and status in ('OPEN', 'MONITORING')" + (kind == null ? "" : " and kind = :kind")
                        + " order by " + probabilityColumn + " * " + impactColumn + " desc, id")
                .param("project", access.projectId())
                .params(kind == null ? java.util.Map.of() : java.util.Map.of("kind", kind))
                .query(rs -> {
                    int probability = rs.getInt(2);
                    int impact = rs.getInt(3);
                    ids[probability - 1][impact - 1].add(rs.getLong(1));
                    totals[0]++;
                    totals[1] += probability * impact;
                });
        List<HeatMap.Cell> cells = new ArrayList<>(25);
        for (int probability = 5; probability >= 1; probability--) {
            for (int impact = 1; impact <= 5; impact++) {
                List<Long> riskIds = ids[probability - 1][impact - 1];
                int score = probability * impact;
                cells.add(new HeatMap.Cell(
                        probability, impact, score, Risk.level(score), riskIds.size(), List.copyOf(riskIds)));
            }
        }
        return new HeatMap(chosenBasis, cells, totals[0], totals[1]);
    }

    /**
     * How the project's risk exposure went, day by day from {@code from} to {@code to} (both in the project's
     * time zone; default the 90 days up to today): each day shows the figures as they stood at its end,
     * carried over from the last day anything changed. Days before the register's first change are left
     * out rather than shown as a zero nobody measured.
     */
    @Transactional(readOnly = true)
    public ExposureTrend exposureTrend(CurrentUser user, String projectRef, LocalDate from, LocalDate to) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        LocalDate today = LocalDate.now(access.timeZone());
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.minusDays(89) : from;
        InvalidInput.Collector problems = new InvalidInput.Collector();
        PlanDates.check("from", first, problems);
        PlanDates.check("to", last, problems);
        if (first.isAfter(last)) {
            problems.add("from", "must be on or before to");
        } else if (java.time.temporal.ChronoUnit.DAYS.between(first, last) >= MAXIMUM_TREND_DAYS) {
            problems.add("to", "may be at most " + MAXIMUM_TREND_DAYS + " days after from");
        }
        problems.throwIfAny();
        List<ExposureTrend.Day> recorded = jdbc.sql("""
                select day, open_risks, open_threats, exposure, threat_exposure,
                residual_exposure, opportunity_exposure from risk_exposure_day where project_id = :project
                and day <= :last and day >= coalesce((select max(day) from risk_exposure_day
                where project_id = :project and day <= :first), :first) order by day
                """)
                .param("project", access.projectId())
                .param("first", first)
                .param("last", last)
                .query((rs, row) -> new ExposureTrend.Day(
                        rs.getObject(1, LocalDate.class),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7)))
                .list();
        List<ExposureTrend.Day> days = new ArrayList<>();
        int next = 0;
        ExposureTrend.Day standing = null;
        // Nothing is known yet of the days after today.
        for (LocalDate day = first; !day.isAfter(last) && !day.isAfter(today); day = day.plusDays(1)) {
            while (next < recorded.size() && !recorded.get(next).day().isAfter(day)) {
                standing = recorded.get(next++);
            }
            if (standing != null) {
                days.add(standing.on(day));
            }
        }
        return new ExposureTrend(first, last, days);
    }

    @SuppressWarnings("unchecked")
    private static List<Long>[][] cells() {
        List<Long>[][] cells = new List[5][5];
        for (List<Long>[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                row[i] = new ArrayList<>();
            }
        }
        return cells;
    }
}
