package org.gantry.server.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.gantry.server.shared.ProblemResponses;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a logged-in caller against their account as it is now, on every request. A session ends
 * when its user was deactivated or their password was changed or reset since it logged in (the
 * session that made a self-service change keeps going). The fresh user is handed to controllers
 * ({@link CurrentUserArgumentResolver}), so a demoted admin is an ordinary user on the next request.
 *
 * <p>Someone still on a one-time password (an invitation, an admin's reset, the first admin's
 * printed password) must choose their own before anything else: somebody else has seen that
 * password. Until then pages redirect to the password form and the API answers 403 with the way
 * out, except for what the change itself needs ({@link #allowedBeforePasswordChange}).
 */
final class AccountStateFilter extends OncePerRequestFilter {

    static final String CURRENT_USER = AccountStateFilter.class.getName() + ".user";
    private static final String SESSION_CREDENTIALS_VERSION = "gantry.credentialsVersion";

    private final SessionUsers users;
    private final boolean api;

    AccountStateFilter(SessionUsers users, boolean api) {
        this.users = users;
        this.api = api;
    }

    /** After a self-service password change: this session stays, every other one ends. */
    static void keepSession(HttpServletRequest request, int credentialsVersion) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.setAttribute(SESSION_CREDENTIALS_VERSION, credentialsVersion);
        }
    }

    /** At login: the session remembers the password it was opened with. */
    static void loggedIn(HttpServletRequest request, Authentication authentication) {
        if (authentication.getPrincipal() instanceof GantryUserDetails details) {
            request.getSession().setAttribute(SESSION_CREDENTIALS_VERSION, details.credentialsVersion());
        }
    }

    /**
     * What someone on a one-time password may still reach: the password change itself (page and
     * API), who they are, their API tokens (a script creates one with the one-time password to make
     * the change), logging out, and the files pages load.
     */
    static boolean allowedBeforePasswordChange(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/account/password")
                || path.equals("/logout")
                || path.equals("/login")
                || path.equals("/error")
                || path.equals("/favicon.ico")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/images/")
                || path.startsWith("/webjars/")
                || path.equals("/api/v1/me")
                || path.equals("/api/v1/me/password")
                || path.equals("/api/v1/auth/tokens")
                || path.startsWith("/api/v1/auth/tokens/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Object principal = authentication == null ? null : authentication.getPrincipal();
        if (principal instanceof GantryUserDetails details) {
            Optional<SessionUsers.State> state = users.state(details.user().id());
            HttpSession session = request.getSession(false);
            Object seen = session == null ? null : session.getAttribute(SESSION_CREDENTIALS_VERSION);
            int version = seen instanceof Integer number ? number : details.credentialsVersion();
            if (state.isEmpty() || state.get().credentialsVersion() != version) {
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                if (api) {
                    ProblemResponses.write(
                            response,
                            401,
                            "Unauthorized",
                            "Your session has ended: your password was changed or reset, or your account was"
                                    + " deactivated. Log in again.");
                } else {
                    response.sendRedirect(request.getContextPath() + "/login?expired");
                }
                return;
            }
            request.setAttribute(CURRENT_USER, state.get().user());
            if (refusedBeforePasswordChange(state.get(), request, response)) {
                return;
            }
        } else if (principal instanceof CurrentUser tokenUser) {
            // An API token: revoked on every password change, so only the one-time password matters.
            Optional<SessionUsers.State> state = users.state(tokenUser.id());
            if (state.isPresent() && refusedBeforePasswordChange(state.get(), request, response)) {
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean refusedBeforePasswordChange(
            SessionUsers.State state, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!state.mustChangePassword() || allowedBeforePasswordChange(request)) {
            return false;
        }
        if (api) {
            ProblemResponses.write(
                    response,
                    403,
                    "Password change required",
                    "You are logged in with a one-time password: choose your own first with POST"
                            + " /api/v1/me/password {\"currentPassword\", \"newPassword\"}.");
        } else if (request.getHeader("HX-Request") != null) {
            // A fragment a page loads by itself (the notification bell): nothing to show, and a
            // redirect would swap the whole password form into the fragment's place.
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
        } else {
            // 303 so that a refused form post turns into a GET of the password form.
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + "/account/password?required");
        }
        return true;
    }
}
