/**
 * Automatic scheduling in the server: every date-affecting change reschedules the project with the
 * engine in the same transaction and stores the result in one statement; constraints, deadlines, the
 * status date, baselines and variance; the Gantt chart's data and page. Listens to the task module's
 * {@code ScheduleAffected} events and reads the task tables directly for speed.
 */
package org.gantry.server.schedule;
