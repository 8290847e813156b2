package org.gantry.server.risk;

import java.time.LocalDate;
import java.util.List;

/**
 * A project's risk exposure day by day. Each day holds the figures as they stood at its end: the open risks
 * (OPEN and MONITORING) and threats among them, the exposure (sum of the open risks' scores, as on the heat
 * map), the part of it from threats and from opportunities, and the residual exposure (each open risk by its
 * residual score where it has one). Days before the register was first changed are not listed.
 */
public record ExposureTrend(LocalDate from, LocalDate to, List<Day> days) {

    public record Day(
            LocalDate day,
            int openRisks,
            int openThreats,
            int exposure,
            int threatExposure,
            int residualExposure,
            int opportunityExposure) {

        Day on(LocalDate other) {
            return new Day(
                    other, openRisks, openThreats, exposure, threatExposure, residualExposure, opportunityExposure);
        }
    }
}
