package org.gantry.server.identity;

/** Credentials exchanged for a personal API token; {@code name} says what the token is for. */
public record TokenRequest(String email, String password, String name) {}
