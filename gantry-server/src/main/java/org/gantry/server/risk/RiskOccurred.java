package org.gantry.server.risk;

/**
 * The body of "this risk occurred": {@code version} (required) is the risk's as last read; {@code title}
 * names the issue it becomes (default "Occurred: " and the risk's title).
 */
public record RiskOccurred(Integer version, String title) {}
