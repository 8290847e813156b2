package org.gantry.server.notification;

/** A notification about to be stored for one person. */
record Draft(long userId, Long taskId, Reason reason, String title, String detail, String cause, Long actorId) {}
