package org.gantry.server.identity;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * After the provider vouched for someone: the Gantry account with that <em>verified</em> e-mail
 * signs in, or a new plain user (no projects, no system role, a random password nobody knows) is
 * created for it. The session then holds the same kind of sign-in as a password's, so everything
 * downstream (deactivation ending the session, roles read on every request) works the same.
 * Two-factor sign-in is the provider's business here.
 */
@Component
class OidcSignIns {

    static final String SIGNED_IN_WITH = OidcSignIns.class.getName() + ".provider";
    private static final Logger log = LoggerFactory.getLogger(OidcSignIns.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private final UserService users;
    private final GantryUserDetailsService userDetails;
    private final SignIns signIns;
    private final OidcProvider provider;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    OidcSignIns(
            UserService users,
            GantryUserDetailsService userDetails,
            SignIns signIns,
            OidcProvider provider,
            ApplicationEventPublisher events,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.users = users;
        this.userDetails = userDetails;
        this.signIns = signIns;
        this.provider = provider;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    void providerAccepted(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        Optional<GantryUserDetails> account =
                authentication.getPrincipal() instanceof OidcUser oidc ? account(oidc) : Optional.empty();
        if (account.isEmpty()) {
            SecurityContextHolder.clearContext();
            if (request.getSession(false) != null) {
                request.getSession(false).invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login?ssoRefused");
            return;
        }
        GantryUserDetails details = account.get();
        Authentication gantry =
                UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(gantry);
        SecurityContextHolder.setContext(context);
        request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        request.getSession().setAttribute(SIGNED_IN_WITH, provider.name());
        signIns.complete(request, response, gantry, "OpenID Connect (" + provider.name() + ")");
    }

    void providerFailed(HttpServletRequest request, HttpServletResponse response, Exception failure)
            throws IOException {
        log.info("Sign-in through {} failed: {}", provider.name(), failure.getMessage());
        response.sendRedirect(request.getContextPath() + "/login?ssoError");
    }

    /** The active account for a verified e-mail, created if there is none; empty when refused. */
    private Optional<GantryUserDetails> account(OidcUser oidc) {
        String email = oidc.getEmail() == null ? "" : oidc.getEmail().strip();
        if (!Boolean.TRUE.equals(oidc.getEmailVerified())
                || email.length() > 254
                || !EMAIL.matcher(email).matches()) {
            log.info(
                    "Refused a sign-in through {}: no verified e-mail (subject {})",
                    provider.name(),
                    oidc.getSubject());
            return Optional.empty();
        }
        return transaction.execute(status -> {
            Optional<UserAccount> existing = users.findByEmail(email);
            if (existing.isPresent() && !existing.get().active()) {
                log.info("Refused a sign-in through {}: {} is deactivated", provider.name(), email);
                return Optional.<GantryUserDetails>empty();
            }
            if (existing.isEmpty()) {
                UserAccount created = users.provision(email.toLowerCase(Locale.ROOT), displayName(oidc, email));
                events.publishEvent(new SecurityEvent(
                        SecurityEvent.Kind.USER_CREATED,
                        created.id(),
                        created.email(),
                        "at first sign-in through " + provider.name(),
                        null,
                        "user",
                        null));
            }
            return Optional.of((GantryUserDetails) userDetails.loadUserByUsername(email));
        });
    }

    private static String displayName(OidcUser oidc, String email) {
        String name = oidc.getFullName();
        if (name == null || name.isBlank()) {
            name = oidc.getPreferredUsername();
        }
        if (name == null || name.isBlank()) {
            name = email.substring(0, email.indexOf('@'));
        }
        name = name.strip();
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
