package org.gantry.server.project;

/** Published inside the creating transaction, so listeners can set up their part of the project. */
public record ProjectCreated(long projectId) {}
