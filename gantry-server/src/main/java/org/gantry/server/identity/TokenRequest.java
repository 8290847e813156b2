package org.gantry.server.identity;

/**
 * Credentials exchanged for a personal API token; {@code name} says what the token is for, {@code otp}
 * is the current two-factor code (or a recovery code) when the account has two-factor sign-in.
 */
public record TokenRequest(String email, String password, String name, String otp) {

    public TokenRequest(String email, String password, String name) {
        this(email, password, name, null);
    }
}
