/** The scheduling mathematics: working-time calendars, critical path, slack, baselines. No I/O, no Spring. */
package org.gantry.engine;
