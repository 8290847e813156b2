package org.gantry.engine.risk;

/**
 * The shape a duration is drawn from between its optimistic and pessimistic values.
 *
 * <ul>
 *   <li>{@code TRIANGULAR}: linear rise to the most likely value and fall to the pessimistic one; mean
 *       {@code (a + m + b) / 3}.
 *   <li>{@code PERT}: the beta distribution of PERT, shape {@code 1 + 4 (m - a) / (b - a)} and
 *       {@code 1 + 4 (b - m) / (b - a)}; mean {@code (a + 4m + b) / 6}, less weight in the tails.
 *   <li>{@code UNIFORM}: any value between optimistic and pessimistic equally likely (most likely unused).
 *   <li>{@code LOGNORMAL}: the lognormal with PERT's mean {@code (a + 4m + b) / 6} and standard deviation
 *       {@code (b - a) / 6}: unbounded above, for work that can overrun far.
 * </ul>
 */
public enum Distribution {
    TRIANGULAR,
    PERT,
    UNIFORM,
    LOGNORMAL
}
