package org.gantry.server.identity;

/** An admin's invitation: the new user gets a one-time password to change at first login. */
public record NewUser(String email, String name, Boolean systemAdmin) {}
