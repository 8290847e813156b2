package org.gantry.server.schedule;

import java.util.List;

/** Which tasks to capture into (or clear from) a baseline slot; null or empty means all of them. */
public record BaselineRequest(List<Long> taskIds) {}
