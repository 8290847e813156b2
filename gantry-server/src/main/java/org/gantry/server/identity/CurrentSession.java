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
}
