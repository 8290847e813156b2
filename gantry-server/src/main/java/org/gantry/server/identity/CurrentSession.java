package org.gantry.server.identity;

import jakarta.servlet.http.HttpServletRequest;

/** What controllers may do to the caller's own browser session. */
public final class CurrentSession {

    private CurrentSession() {}

    /**
     * After the caller changed their own password ({@link UserService#changePassword}): this session
     * stays logged in, while every other session of theirs ends on its next request.
     */
    public static void keepAfterPasswordChange(HttpServletRequest request, int credentialsVersion) {
        AccountStateFilter.keepSession(request, credentialsVersion);
    }

    /** The name of the OpenID Connect provider this session signed in through, if it did. */
    public static java.util.Optional<String> signedInWithProvider(HttpServletRequest request) {
        var session = request.getSession(false);
        return session != null && session.getAttribute(OidcSignIns.SIGNED_IN_WITH) instanceof String name
                ? java.util.Optional.of(name)
                : java.util.Optional.empty();
    }
}
