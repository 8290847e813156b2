package org.gantry.server.resource;

import java.math.BigDecimal;

/**
 * A change of an assignment: units (% of the resource's time; for a material, the quantity) and/or the
 * planned work in hours; null leaves a field as it is. {@code version} is the assignment's, required.
 */
public record AssignmentChanges(BigDecimal units, BigDecimal workHours, Integer version) {}
