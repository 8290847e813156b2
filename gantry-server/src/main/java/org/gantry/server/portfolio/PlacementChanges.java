package org.gantry.server.portfolio;

import java.math.BigDecimal;

/**
 * A project's whole placement, replacing what was there: {@code programmeId} null takes the project out of
 * its programme, {@code estimatedCost} null removes the estimate, {@code proposed} null means false.
 * {@code version} (required) is the placement's version as read (0 before it was first saved).
 */
public record PlacementChanges(Long programmeId, Boolean proposed, BigDecimal estimatedCost, Integer version) {}
