package org.gantry.server.notification;

/**
 * A notification about to be stored for one person. {@code link} is where it leads, a path below the
 * server's address; null leads to the task (or the project's list without one).
 */
record Draft(
        long userId, Long taskId, Reason reason, String title, String detail, String cause, Long actorId, String link) {

    Draft(long userId, Long taskId, Reason reason, String title, String detail, String cause, Long actorId) {
        this(userId, taskId, reason, title, detail, cause, actorId, null);
    }
}
