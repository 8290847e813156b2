/**
 * The kanban board: a column per task status of the project (in the statuses' order), a card per leaf
 * task, the cards' order within a column, WIP limits per column, and the history of status changes the
 * flow charts are computed from. A card move is an ordinary task update (version check, reschedule,
 * activity, notifications, live updates) plus the card's new place in its column. The status history is
 * read from the activity log, which records every task's status change with who and when in the
 * transaction of the change.
 */
package org.gantry.server.board;
