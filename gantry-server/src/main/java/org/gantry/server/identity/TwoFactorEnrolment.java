package org.gantry.server.identity;

/** A started enrolment: the secret for the authenticator app, as text and as an otpauth URI. */
public record TwoFactorEnrolment(String secret, String otpauthUri) {}
