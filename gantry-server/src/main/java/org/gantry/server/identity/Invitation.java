package org.gantry.server.identity;

/** The invited user and the one-time password to hand over; the password is not stored in clear. */
public record Invitation(UserAccount user, String oneTimePassword) implements java.io.Serializable {}
