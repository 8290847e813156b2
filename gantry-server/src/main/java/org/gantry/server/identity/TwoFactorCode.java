package org.gantry.server.identity;

/** A code from the authenticator app, or a recovery code. */
public record TwoFactorCode(String code) {}
