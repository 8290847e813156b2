package org.gantry.server.api;

/** A person a test made through the API: who they are, the password they chose and their own client. */
public record TestUser(long id, String email, String password, ApiClient api) {}
