package org.gantry.server.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While sign-in is single sign-on only, refuses the login form's password before it is checked,
 * unless the e-mail is an active system admin's (the break-glass way in when the provider is down).
 */
final class PasswordSignInSwitch extends OncePerRequestFilter {

    private final SignInSettings settings;
    private final JdbcClient jdbc;

    PasswordSignInSwitch(SignInSettings settings, JdbcClient jdbc) {
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (settings.ssoOnly() && !isSystemAdmin(request.getParameter("email"))) {
            response.sendRedirect(request.getContextPath() + "/login?ssoOnly");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isSystemAdmin(String email) {
        return email != null
                && jdbc.sql("""
                        select exists(select 1 from app_user where lower(email) = lower(?) and system_admin
                        and active)
                        """).param(email.strip()).query(Boolean.class).single();
    }
}
