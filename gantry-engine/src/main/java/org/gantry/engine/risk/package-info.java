/**
 * Monte Carlo schedule risk analysis: three-point duration estimates and quantified risk events sampled
 * thousands of times over a {@link org.gantry.engine.SimulationNetwork}, giving the distribution of the
 * project finish (P10/P50/P80/P90, the chance of meeting a deadline), each task's criticality index and the
 * tasks and risks that drive the finish most (rank correlation, for a tornado chart). Entry point:
 * {@link org.gantry.engine.risk.ScheduleRiskAnalysis}.
 */
package org.gantry.engine.risk;
