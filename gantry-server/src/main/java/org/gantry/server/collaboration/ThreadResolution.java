package org.gantry.server.collaboration;

/** Resolve ({@code true}) or reopen ({@code false}) a thread, with the top comment's version. */
public record ThreadResolution(Boolean resolved, Integer version) {}
