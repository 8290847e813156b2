/**
 * Optimising resource levelling: the resource-constrained project scheduling problem (tasks with
 * durations, finish-to-start links, renewable resources with fixed capacities), solved for the shortest
 * project finish. Tasks are encoded as precedence-feasible activity lists, decoded by the serial
 * schedule-generation scheme, improved by forward-backward justification and searched by a genetic
 * algorithm (Hartmann's two-point crossover) seeded by priority rules. Deterministic for a seed. Entry
 * point: {@link org.gantry.engine.levelling.OptimisingLevelling}. Beside it, the levelling a Microsoft
 * Project user expects, which only delays tasks, in the order and within the limits the user chose:
 * {@link org.gantry.engine.levelling.ProjectLevelling}.
 */
package org.gantry.engine.levelling;
