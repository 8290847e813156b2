package org.gantry.server.project;

public record MemberChanges(ProjectRole role, Integer version) {}
