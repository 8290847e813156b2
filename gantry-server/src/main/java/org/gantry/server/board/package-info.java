/**
 * The kanban board: a column per task status of the project (in the statuses' order), a card per leaf
 * task, the cards' order within a column, WIP limits per column, and the history of status changes the
 * flow charts are computed from. A card move is an ordinary task update (version check, reschedule,
 * activity, notifications, live updates) plus the card's new place in its column. The status history is
 * read from the activity log, which records every task's status change with who and when in the
 * transaction of the change.
 *
 * <p>Sprints and the backlog live here too: a sprint's membership rows (V101) are all that is stored; the
 * burndown, burnup, velocity and cumulative flow are replayed from the same activity log
 * ({@code TaskHistory}) per calendar day in the project's time zone.
 */
@ApplicationModule(allowedDependencies = {"identity", "project", "schedule", "shared", "task"})
package org.gantry.server.board;

import org.springframework.modulith.ApplicationModule;
