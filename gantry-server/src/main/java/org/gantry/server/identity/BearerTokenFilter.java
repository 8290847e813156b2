package org.gantry.server.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.gantry.server.shared.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry {@code Authorization: Bearer <token>}. A wrong or revoked token
 * is answered with 401 at once rather than falling back to the session.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;

    BearerTokenFilter(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    static boolean hasBearerToken(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasBearerToken(request)) {
            String token =
                    request.getHeader(HttpHeaders.AUTHORIZATION).substring(7).strip();
            Optional<ApiTokenService.TokenUser> user = tokens.authenticate(token);
            if (user.isEmpty()) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
                ProblemResponses.write(
                        response,
                        401,
                        "Unauthorized",
                        "The API token is unknown, revoked, or its user is deactivated.");
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            var authentication = UsernamePasswordAuthenticationToken.authenticated(
                    user.get().user(),
                    null,
                    GantryUserDetails.authorities(user.get().user()));
            authentication.setDetails(new CurrentActor.TokenId(user.get().tokenId()));
            context.setAuthentication(authentication);
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
