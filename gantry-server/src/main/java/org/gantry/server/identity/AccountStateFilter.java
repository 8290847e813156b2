package org.gantry.server.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks a logged-in caller against their account as it is now, on every request. A session ends
 * when its user was deactivated or their password was changed or reset since it logged in (the
 * session that made a self-service change keeps going). The fresh user is handed to controllers
 * ({@link CurrentUserArgumentResolver}), so a demoted admin is an ordinary user on the next request.
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
        }
        chain.doFilter(request, response);
    }
}
