package org.gantry.server.change;

/**
 * The body of submit, approve, reject and defer (all optional). {@code version}, when given, must be the
 * request's current one. {@code note} is the decision's reason. On approve, {@code planVersion} is the one
 * of the impact the approver looked at (default: the one recorded when the request was submitted), and
 * {@code baselineSlot} (0 to 10) saves the plan as changed into that baseline.
 */
public record ChangeDecision(Integer version, String note, String planVersion, Integer baselineSlot) {}
