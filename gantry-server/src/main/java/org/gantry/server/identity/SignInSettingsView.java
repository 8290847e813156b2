package org.gantry.server.identity;

/**
 * How people sign in: {@code ssoOnly} refuses password sign-in and password token requests to all
 * but system admins. {@code provider} is the configured OpenID Connect provider, if any.
 */
public record SignInSettingsView(boolean ssoOnly, int version, Provider provider) {

    /** From the server's environment ({@code GANTRY_OIDC_*}); not changed through the API. */
    public record Provider(boolean configured, String name, String issuer) {}
}
