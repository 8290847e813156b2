package org.gantry.server.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.gantry.server.shared.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Two filter chains. The API ({@code /api/**}) accepts a bearer token or the browser session,
 * answers 401/403 with problem JSON, and wants the CSRF token (header {@code X-CSRF-TOKEN}) only
 * from session callers. Pages use form login at {@code /login}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline';"
                    + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Browser features Gantry never uses, denied to every page (names every current browser knows). */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /**
     * A request the firewall refuses before any controller (an encoded NUL or a "/../" in the path, say) is a
     * 400 problem, not the servlet container's 500.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, e) ->
                ProblemResponses.write(response, 400, "Bad request", "The request was refused: " + e.getMessage());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return passwordEncoders();
    }

    /**
     * New hashes are bcrypt of a SHA-256 pre-hash ({@code {bcrypt-sha256}...}, any length up to 128
     * characters); hashes stored before, plain bcrypt without a prefix, keep matching.
     */
    static PasswordEncoder passwordEncoders() {
        PasswordEncoder legacy = new PrehashedBcryptPasswordEncoder.Legacy();
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder(
                PrehashedBcryptPasswordEncoder.ID,
                Map.of(PrehashedBcryptPasswordEncoder.ID, new PrehashedBcryptPasswordEncoder(), "bcrypt", legacy));
        encoder.setDefaultPasswordEncoderForMatches(legacy);
        return encoder;
    }

    /**
     * Operations endpoints under /actuator. The health probes answer anyone with the status alone (a load
     * balancer has no account; details need an admin). Everything else (health details, metrics,
     * Prometheus) is for system admins, by session or API token (Prometheus sends one as a bearer token),
     * and for requests made on this machine directly: from a loopback address with no forwarding header, so
     * a reverse proxy on the same machine (which adds X-Forwarded-For) does not make the world local.
     */
    @Bean
    @Order(0)
    SecurityFilterChain managementChain(
            HttpSecurity http, ApiTokenService tokens, SessionUsers sessionUsers, ClientAddresses clientAddresses)
            throws Exception {
        http.securityMatcher("/actuator", "/actuator/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                HttpMethod.GET,
                                "/actuator/health",
                                "/actuator/health/liveness",
                                "/actuator/health/readiness")
                        .permitAll()
                        .anyRequest()
                        .access((authentication, context) -> new AuthorizationDecision(
                                isAdmin(authentication.get()) || directFromThisMachine(context.getRequest()))))
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new AccountStateFilter(sessionUsers, true), AnonymousAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable()) // reads only: nothing under /actuator changes state here
                .requestCache(cache -> cache.disable())
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint((request, response, e) -> ProblemResponses.write(
                                        response,
                                        401,
                                        "Unauthorized",
                                        "Operations endpoints are for system admins: send Authorization: Bearer"
                                                + " <token> of an admin, or call from this machine."))
                                .accessDeniedHandler((request, response, e) -> ProblemResponses.write(
                                        response, 403, "Forbidden", "Operations endpoints are for system admins.")))
                .headers(headers -> secureHeaders(headers, clientAddresses));
        return http.build();
    }

    private static boolean isAdmin(Authentication authentication) {
        return authentication != null
                && authentication.isAuthenticated()
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> "ROLE_ADMIN".equals(authority.getAuthority()));
    }

    static boolean directFromThisMachine(HttpServletRequest request) {
        if (request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http, ApiTokenService tokens, SessionUsers sessionUsers, ClientAddresses clientAddresses)
            throws Exception {
        RequestMatcher bearer = BearerTokenFilter::hasBearerToken;
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(
                        requests -> requests.requestMatchers("/api/docs", "/api/docs/**", "/api/swagger-ui/**")
                                .permitAll()
                                // The end of a live-update stream (server-sent events) is an async dispatch of
                                // a request that was authorised when it began; it writes nothing new.
                                .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC)
                                .permitAll()
                                .requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens")
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new AccountStateFilter(sessionUsers, true), AnonymousAuthenticationFilter.class)
                .csrf(csrf -> csrf.ignoringRequestMatchers(bearer).ignoringRequestMatchers("/api/v1/auth/tokens"))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(handling -> handling.authenticationEntryPoint(
                                (request, response, e) -> ProblemResponses.write(
                                        response,
                                        401,
                                        "Unauthorized",
                                        "Log in, or send Authorization: Bearer <token> (see POST /api/v1/auth/tokens)."))
                        .accessDeniedHandler((request, response, e) -> {
                            // The CSRF check runs before authentication is required: a write without any
                            // credentials is told to authenticate (401), not about a token it cannot have.
                            if (e instanceof CsrfException && !authenticated()) {
                                ProblemResponses.write(
                                        response,
                                        401,
                                        "Unauthorized",
                                        "Log in, or send Authorization: Bearer <token> (see POST /api/v1/auth/tokens).");
                                return;
                            }
                            ProblemResponses.write(
                                    response,
                                    403,
                                    "Forbidden",
                                    isSessionWrite(request)
                                            ? "The CSRF token is missing or wrong: send it in the X-CSRF-TOKEN header."
                                            : "You are not allowed to do this.");
                        }))
                .headers(headers -> secureHeaders(headers, clientAddresses));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(
            HttpSecurity http,
            LoginRateLimiter limiter,
            ClientAddresses clientAddresses,
            SessionUsers sessionUsers,
            SignIns signIns,
            OidcProvider oidcProvider,
            OidcSignIns oidcSignIns,
            SignInSettings signInSettings,
            JdbcClient jdbc)
            throws Exception {
        if (oidcProvider.configured()) {
            http.oauth2Login(oidc -> oidc.loginPage("/login")
                            .clientRegistrationRepository(oidcProvider)
                            .successHandler(oidcSignIns::providerAccepted)
                            .failureHandler(oidcSignIns::providerFailed))
                    .addFilterBefore(
                            new OidcAvailability(oidcProvider), OAuth2AuthorizationRequestRedirectFilter.class);
        }
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login",
                                "/login/code",
                                "/error",
                                "/css/**",
                                "/js/**",
                                "/images/**",
                                "/webjars/**",
                                "/favicon.ico")
                        .permitAll()
                        // iCal feeds: calendar apps cannot log in; the secret in the URL is the credential
                        // (checked by calendar.FeedEndpoint, which answers 404 for anything else).
                        .requestMatchers(HttpMethod.GET, "/ical/*.ics")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form -> form.loginPage("/login")
                        .usernameParameter("email")
                        .successHandler(signIns::passwordAccepted)
                        .failureHandler((request, response, e) -> {
                            limiter.recordFailure(request.getParameter("email"), clientAddresses.of(request));
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        }))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .requestCache(cache -> cache.requestCache(pagesToReturnTo()))
                .exceptionHandling(handling -> handling.accessDeniedHandler(SecurityConfiguration::pageAccessDenied))
                .addFilterBefore(
                        new LoginRateLimitFilter(limiter, clientAddresses), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new PasswordSignInSwitch(signInSettings, jdbc), LoginRateLimitFilter.class)
                .addFilterAfter(new AccountStateFilter(sessionUsers, false), AnonymousAuthenticationFilter.class)
                .headers(headers -> secureHeaders(headers, clientAddresses));
        return http.build();
    }

    /**
     * Where signing in returns to: the page the person asked for, never something a page fetched in the
     * background while its session had ended (the notification bell's poll and other htmx requests, the
     * live-update stream, a script's fetch), which would open as a bare fragment instead of a page.
     */
    private static org.springframework.security.web.savedrequest.RequestCache pagesToReturnTo() {
        var cache = new org.springframework.security.web.savedrequest.HttpSessionRequestCache();
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod())
                && request.getHeader("HX-Request") == null
                && !"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                && !String.valueOf(request.getHeader("Accept")).contains("text/event-stream")
                && !String.valueOf(request.getHeader("Accept")).startsWith("application/json")
                && !request.getRequestURI().endsWith("/favicon.ico"));
        return cache;
    }

    /**
     * The same headers on pages and API: CSP, referrer policy, a Permissions-Policy that denies the browser
     * features Gantry never uses, and HSTS (a year, subdomains) whenever the client came over HTTPS, also
     * through a trusted reverse proxy that terminated TLS (never over plain HTTP, where it means nothing).
     */
    private static void secureHeaders(HeadersConfigurer<HttpSecurity> headers, ClientAddresses clientAddresses) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .httpStrictTransportSecurity(hsts -> hsts.requestMatcher(clientAddresses::overHttps)
                        .includeSubDomains(true)
                        .maxAgeInSeconds(31_536_000))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY));
    }

    /**
     * A sign-in form whose session has gone (left open past the session timeout, the server restarted, the
     * cookies were cleared) fails the CSRF check with no token in the session to compare: the person is
     * asked to sign in again rather than shown "Not allowed", which reads as a refusal of their account. A
     * token that is absent or wrong while the session has one is a forged post: the 403 page, like every
     * other refusal.
     */
    private static void pageAccessDenied(
            HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, ServletException {
        if (e instanceof MissingCsrfTokenException
                && HttpMethod.POST.matches(request.getMethod())
                && "/login".equals(request.getServletPath())) {
            response.sendRedirect(request.getContextPath() + "/login?formExpired");
            return;
        }
        new AccessDeniedHandlerImpl().handle(request, response, e);
    }

    private static boolean authenticated() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    private static boolean isSessionWrite(HttpServletRequest request) {
        return !BearerTokenFilter.hasBearerToken(request)
                && !HttpMethod.GET.matches(request.getMethod())
                && !HttpMethod.HEAD.matches(request.getMethod());
    }
}
