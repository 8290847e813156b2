package org.gantry.server.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/** Refuses a login form post from a blocked e-mail and address before the password is checked. */
final class LoginRateLimitFilter extends OncePerRequestFilter {

    private final LoginRateLimiter limiter;
    private final ClientAddresses clientAddresses;

    LoginRateLimitFilter(LoginRateLimiter limiter, ClientAddresses clientAddresses) {
        this.limiter = limiter;
        this.clientAddresses = clientAddresses;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (limiter.isBlocked(request.getParameter("email"), clientAddresses.of(request))) {
            response.sendRedirect(request.getContextPath() + "/login?locked");
            return;
        }
        chain.doFilter(request, response);
    }
}
