package org.gantry.server.schedule;

import java.util.List;

/** Clear levelling: remove the levelling delay of {@code taskIds} (empty: every task) at schedule {@code version}. */
public record LevellingClear(List<Long> taskIds, Long version) {}
