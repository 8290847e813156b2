package org.gantry.server.notification;

import java.util.List;

/** Who watches a task, and whether the caller is one of them. */
public record TaskWatchers(long taskId, boolean watching, List<Watcher> watchers) {}
