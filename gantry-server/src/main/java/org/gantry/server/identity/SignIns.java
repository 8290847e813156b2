package org.gantry.server.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * What happens once a password was accepted on the login page. Without two-factor sign-in the person
 * is signed in. With it, the session holds the accepted password for five minutes, is <em>not</em>
 * signed in, and {@code /login/code} asks for the app's code (or a recovery code); a wrong code
 * counts against the login limits like a wrong password.
 */
@Component
class SignIns {

    static final String PENDING = SignIns.class.getName() + ".pending";
    private static final Duration CODE_TIME = Duration.ofMinutes(5);

    private final LoginRateLimiter limiter;
    private final ClientAddresses clientAddresses;
    private final ApplicationEventPublisher events;
    private final TwoFactorService twoFactor;
    private final SavedRequestAwareAuthenticationSuccessHandler savedRequest =
            new SavedRequestAwareAuthenticationSuccessHandler();

    /** A password accepted, waiting for the second factor. */
    record Pending(Authentication authentication, Instant until) implements Serializable {}

    /** What became of a code typed on {@code /login/code}. */
    enum Outcome {
        SIGNED_IN,
        WRONG_CODE,
        LOCKED,
        EXPIRED
    }

    SignIns(
            LoginRateLimiter limiter,
            ClientAddresses clientAddresses,
            ApplicationEventPublisher events,
            TwoFactorService twoFactor) {
        this.limiter = limiter;
        this.clientAddresses = clientAddresses;
        this.events = events;
        this.twoFactor = twoFactor;
        savedRequest.setDefaultTargetUrl("/");
    }

    void passwordAccepted(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (authentication.getPrincipal() instanceof GantryUserDetails details
                && twoFactor.isOn(details.user().id())) {
            // Undo what form login stored: the session is not signed in until the code is right.
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession();
            session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            session.setAttribute(
                    PENDING, new Pending(authentication, Instant.now().plus(CODE_TIME)));
            response.sendRedirect(request.getContextPath() + "/login/code");
            return;
        }
        complete(request, response, authentication, "password");
    }

    /** The e-mail waiting for its code in this session, if any (and not expired). */
    Optional<String> waitingFor(HttpServletRequest request) {
        return pending(request).map(p -> p.authentication().getName());
    }

    Outcome codeEntered(HttpServletRequest request, HttpServletResponse response, String code)
            throws IOException, ServletException {
        Optional<Pending> pending = pending(request);
        if (pending.isEmpty()) {
            return Outcome.EXPIRED;
        }
        Authentication authentication = pending.get().authentication();
        GantryUserDetails details = (GantryUserDetails) authentication.getPrincipal();
        String email = details.user().email();
        String address = clientAddresses.of(request);
        if (limiter.isBlocked(email, address)) {
            request.getSession().removeAttribute(PENDING);
            return Outcome.LOCKED;
        }
        if (!twoFactor.verify(details.user().id(), code)) {
            limiter.recordFailure(email, address, "wrong two-factor code");
            if (limiter.isBlocked(email, address)) {
                request.getSession().removeAttribute(PENDING);
                return Outcome.LOCKED;
            }
            return Outcome.WRONG_CODE;
        }
        HttpSession session = request.getSession();
        session.removeAttribute(PENDING);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        complete(request, response, authentication, "password and two-factor code");
        return Outcome.SIGNED_IN;
    }

    /** Signs in: the session remembers the credentials it was opened with, the audit log the sign-in. */
    void complete(HttpServletRequest request, HttpServletResponse response, Authentication authentication, String how)
            throws IOException, ServletException {
        String address = clientAddresses.of(request);
        CurrentUser user = authentication.getPrincipal() instanceof GantryUserDetails details ? details.user() : null;
        if (user != null) {
            limiter.recordSuccess(user.email(), address);
        }
        AccountStateFilter.loggedIn(request, authentication);
        if (user != null) {
            events.publishEvent(
                    new SecurityEvent(SecurityEvent.Kind.LOGIN, user.id(), user.email(), how, null, null, address));
        }
        savedRequest.onAuthenticationSuccess(request, response, authentication);
    }

    private Optional<Pending> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
            return Optional.empty();
        }
        if (pending.until().isBefore(Instant.now())) {
            session.removeAttribute(PENDING);
            return Optional.empty();
        }
        return Optional.of(pending);
    }
}
