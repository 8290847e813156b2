/**
 * Live updates: pages that show a project (list, Gantt, calendar, resources) learn within a second that
 * someone changed it, on this server or another one on the same database, and refetch what they show.
 * PostgreSQL numbers each project's changes and NOTIFYs them at commit (V70); {@link
 * org.gantry.server.live.LiveUpdates} LISTENs and streams server-sent events to the browsers, with who is
 * looking at the project ({@code live_presence}).
 */
@ApplicationModule(allowedDependencies = {"identity", "project", "shared"})
package org.gantry.server.live;

import org.springframework.modulith.ApplicationModule;
