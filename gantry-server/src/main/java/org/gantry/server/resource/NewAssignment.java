package org.gantry.server.resource;

import java.math.BigDecimal;

/** A resource to put on a task: units (% of its time, default 100) and the planned work in hours. */
public record NewAssignment(Long resourceId, BigDecimal units, BigDecimal workHours) {}
