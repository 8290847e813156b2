package org.gantry.server.risk;

import java.util.List;

/**
 * The 5x5 probability-impact matrix of the open risks (OPEN and MONITORING): 25 cells, probability 5 (top
 * row) to 1, impact 1 to 5 within a row, each with its score, level, count and risk ids (highest score
 * first). {@code exposure} is the sum of the open risks' scores. {@code basis} INHERENT places each risk by
 * its rating before the response, RESIDUAL by its residual rating (its inherent one while it has none).
 */
public record HeatMap(String basis, List<Cell> cells, int openRisks, int exposure) {

    public record Cell(int probability, int impact, int score, String level, int count, List<Long> riskIds) {}
}
