package org.gantry.server.identity;

import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.StaleVersion;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The server-wide sign-in settings, which system admins read and change. */
@Service
public class SignInSettings {

    private final JdbcClient jdbc;
    private final OidcProvider provider;
    private final ApplicationEventPublisher events;

    SignInSettings(JdbcClient jdbc, OidcProvider provider, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.provider = provider;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public SignInSettingsView get(CurrentUser caller) {
        requireAdmin(caller);
        return current();
    }

    @Transactional
    public SignInSettingsView update(CurrentUser caller, SignInChanges changes) {
        requireAdmin(caller);
        var problems = new InvalidInput.Collector();
        if (changes.ssoOnly() == null) {
            problems.add("ssoOnly", "is required: true or false");
        }
        if (changes.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        problems.throwIfAny();
        SignInSettingsView before = current();
        if (changes.ssoOnly() && !provider.configured()) {
            throw new Conflict(
                    "No sign-in provider",
                    "No OpenID Connect provider is configured (GANTRY_OIDC_ISSUER, GANTRY_OIDC_CLIENT_ID,"
                            + " GANTRY_OIDC_CLIENT_SECRET): password sign-in cannot be turned off.");
        }
        int updated = jdbc.sql("""
                update sign_in_settings set sso_only = ?, updated_at = now(), version = version + 1
                where id = 1 and version = ?
                """).params(changes.ssoOnly(), changes.version()).update();
        if (updated == 0) {
            throw new StaleVersion("The sign-in settings", before);
        }
        if (before.ssoOnly() != changes.ssoOnly()) {
            events.publishEvent(new SecurityEvent(
                    SecurityEvent.Kind.SIGN_IN_SETTINGS_CHANGED,
                    null,
                    null,
                    "sign-in with " + provider.name(),
                    describe(before.ssoOnly()),
                    describe(changes.ssoOnly()),
                    null));
        }
        return current();
    }

    /** Whether password sign-in is refused (to all but system admins). */
    boolean ssoOnly() {
        return provider.configured()
                && jdbc.sql("select sso_only from sign_in_settings where id = 1")
                        .query(Boolean.class)
                        .optional()
                        .orElse(false);
    }

    SignInSettingsView current() {
        record Row(boolean ssoOnly, int version) {}
        Row row = jdbc.sql("select sso_only, version from sign_in_settings where id = 1")
                .query((rs, n) -> new Row(rs.getBoolean(1), rs.getInt(2)))
                .single();
        return new SignInSettingsView(
                row.ssoOnly(),
                row.version(),
                new SignInSettingsView.Provider(
                        provider.configured(),
                        provider.configured() ? provider.name() : null,
                        provider.configured() ? provider.issuer() : null));
    }

    private static String describe(boolean ssoOnly) {
        return ssoOnly ? "single sign-on only" : "password and single sign-on";
    }

    private static void requireAdmin(CurrentUser caller) {
        if (!caller.systemAdmin()) {
            throw new Forbidden("Only a system admin can see and change how people sign in.");
        }
    }
}
