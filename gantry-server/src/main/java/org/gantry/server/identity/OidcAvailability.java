package org.gantry.server.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * "Sign in with ..." while the provider cannot be reached: back to the login page with a message
 * (instead of Spring Security's bare error), where password sign-in still works.
 */
final class OidcAvailability extends OncePerRequestFilter {

    private final OidcProvider provider;

    OidcAvailability(OidcProvider provider) {
        this.provider = provider;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getServletPath().startsWith("/oauth2/authorization/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (provider.findByRegistrationId(OidcProvider.REGISTRATION_ID) == null) {
            response.sendRedirect(request.getContextPath() + "/login?ssoUnavailable");
            return;
        }
        chain.doFilter(request, response);
    }
}
