package org.gantry.server.shared;

/** One invalid field of a request, named as the client sent it. */
public record FieldProblem(String field, String message) {}
