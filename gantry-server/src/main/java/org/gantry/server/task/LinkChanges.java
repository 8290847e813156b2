package org.gantry.server.task;

public record LinkChanges(LinkType type, String lag, Long lagMinutes, DurationUnit lagUnit, Integer version) {}
