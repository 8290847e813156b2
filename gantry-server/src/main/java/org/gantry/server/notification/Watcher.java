package org.gantry.server.notification;

/** A person who watches a task, and why: ASSIGNED, AUTHOR, MENTIONED or CHOSEN. */
public record Watcher(long userId, String name, String reason) {}
