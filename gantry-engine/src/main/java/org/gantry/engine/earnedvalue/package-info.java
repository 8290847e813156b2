/**
 * Earned value and earned schedule: the classic indicators (PV, EV, AC, SV, CV, SPI, CPI, EAC, ETC, VAC,
 * TCPI) for one status date, Lipke's earned schedule (ES, SV(t), SPI(t), IEAC(t)) on a time-phased planned
 * value, and the analysis of a whole project from its baseline budgets, percent complete and time entries.
 * Money is {@code BigDecimal}; every value is immutable.
 */
package org.gantry.engine.earnedvalue;
