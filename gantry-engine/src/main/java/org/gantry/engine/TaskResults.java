package org.gantry.engine;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * The read-only task map of a {@link Schedule}, in network order. The scheduler hands over a map nobody
 * else holds, so the schedule can keep it without copying 100,000 entries a second time.
 */
final class TaskResults extends AbstractMap<TaskId, ScheduledTask> {
    private final Map<TaskId, ScheduledTask> view;

    /** Takes ownership of {@code owned}: the caller must not keep or change it. */
    TaskResults(Map<TaskId, ScheduledTask> owned) {
        this.view = Collections.unmodifiableMap(owned);
    }

    @Override
    public Set<Entry<TaskId, ScheduledTask>> entrySet() {
        return view.entrySet();
    }

    @Override
    public ScheduledTask get(Object key) {
        return view.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return view.containsKey(key);
    }

    @Override
    public int size() {
        return view.size();
    }
}
