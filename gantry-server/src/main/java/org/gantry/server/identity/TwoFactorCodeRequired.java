package org.gantry.server.identity;

/**
 * The password was right but the account has two-factor sign-in: a current code (or a recovery code)
 * must come with it. Also thrown for a wrong code, which counts as a failed login.
 */
public class TwoFactorCodeRequired extends BadCredentials {

    TwoFactorCodeRequired(String message) {
        super(message);
    }
}
