package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.gantry.idp.TestIdentityProvider;
import org.gantry.server.audit.AuditKind;
import org.gantry.server.audit.AuditLog;
import org.gantry.server.audit.AuditQuery;
import org.gantry.server.identity.SignInChanges;
import org.gantry.server.identity.SignInSettings;
import org.gantry.server.identity.UserAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in through a real OpenID Connect provider (Spring Authorization Server, started in-process on
 * its own port): real redirects, the provider's own login page, a real code-for-token exchange. New
 * people become plain users; existing ones are matched by verified e-mail; an unverified e-mail is
 * refused; the admin's single-sign-on-only switch refuses passwords except a system admin's.
 */
// A server of its own (configured with a provider): closed after this class, not kept for the JVM.
@DirtiesContext
class SingleSignOnIT extends BrowserTest {

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("gantry.oidc.issuer", TestIdentityProvider::issuer);
        registry.add("gantry.oidc.client-id", () -> TestIdentityProvider.CLIENT_ID);
        registry.add("gantry.oidc.client-secret", () -> TestIdentityProvider.CLIENT_SECRET);
        registry.add("gantry.oidc.name", () -> "Acme Login");
    }

    @Autowired
    AuditLog audit;

    @Autowired
    SignInSettings signInSettings;

    @BeforeEach
    void registerGantryAtTheProvider() {
        TestIdentityProvider.allowRedirectTo(gantry("/login/oauth2/code/oidc"));
    }

    @Test
    void aNewcomerSignsInThroughTheProviderAndBecomesAPlainUser() {
        String login = "olga" + unique().toLowerCase(Locale.ROOT);
        String email = login + "@acme.test";
        TestIdentityProvider.addUser(login, "provider-password-1", email, true, "Olga Organisation");

        signInAtProvider(login, "provider-password-1");

        page.waitForURL("**/my-work");
        assertThat(page.locator(".sidebar-foot")).containsText("Olga Organisation");
        UserAccount olga = users.findByEmail(email).orElseThrow();
        assertThat(olga.systemAdmin()).isFalse();
        assertThat(olga.mustChangePassword()).isFalse();
        var signIns = audit.page(admin(), new AuditQuery(email, java.util.List.of(AuditKind.LOGIN), null, null, 0, 10));
        assertThat(signIns.items()).singleElement().satisfies(row -> assertThat(row.detail())
                .isEqualTo("OpenID Connect (Acme Login)"));

        // Signed in through the provider, the API tokens page needs no password.
        page.navigate(gantry("/account/tokens"));
        page.getByLabel("What is it for?").fill("laptop");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token"))
                .click();
        assertThat(page.locator("#new-token .secret")).containsText("gty_");
        screenshot("sso-token");
    }

    @Test
    void anExistingAccountIsMatchedByItsVerifiedEmailAndAnUnverifiedOneIsRefused() {
        Person ines = invite("Ines Existing");
        String login = "ines" + unique().toLowerCase(Locale.ROOT);
        TestIdentityProvider.addUser(login, "provider-password-2", ines.user().email(), true, "Ines at Acme");
        signInAtProvider(login, "provider-password-2");
        page.waitForURL("**/my-work");
        assertThat(page.locator(".sidebar-foot")).containsText("Ines Existing");
        assertThat(users.findByEmail(ines.user().email()).orElseThrow().id())
                .isEqualTo(ines.user().id());

        forgetSession();
        String unverified = "mallory" + unique().toLowerCase(Locale.ROOT);
        Person victim = invite("Victor Victim");
        TestIdentityProvider.addUser(
                unverified, "provider-password-3", victim.user().email(), false, "Mallory");
        signInAtProvider(unverified, "provider-password-3");
        page.waitForURL("**/login?ssoRefused");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("did not vouch for your e-mail");
    }

    @Test
    void withSingleSignOnOnlyPasswordsAreRefusedExceptAnAdminsBreakGlass() throws Exception {
        Person paula = invite("Paula Password");
        try {
            page.navigate(gantry("/login"));
            page.getByLabel("E-mail").fill(ADMIN_EMAIL);
            page.getByLabel("Password").fill(ADMIN_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                    .click();
            page.waitForURL("**/projects**");
            page.navigate(gantry("/admin/users"));
            page.getByLabel("Single sign-on only").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save sign-in setting"))
                    .click();
            assertThat(page.locator("#flash")).containsText("Only single sign-on now");
            screenshot("sso-only-admin");

            forgetSession();
            page.navigate(gantry("/login"));
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Acme Login")))
                    .isVisible();
            assertThat(page.getByLabel("E-mail")).not().isVisible();
            page.getByText("System admins: sign in with a password").click();
            page.getByLabel("E-mail").fill(paula.user().email());
            page.getByLabel("Password").fill(paula.password());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                    .click();
            page.waitForURL("**/login?ssoOnly");
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Password sign-in is turned off");
            screenshot("sso-only-login");

            assertThat(tokenRequest(paula.user().email(), paula.password())).isEqualTo(403);
            assertThat(tokenRequest(ADMIN_EMAIL, ADMIN_PASSWORD))
                    .as("the admin's break-glass")
                    .isEqualTo(201);
        } finally {
            var now = signInSettings.get(admin());
            signInSettings.update(admin(), new SignInChanges(false, now.version()));
        }
        assertThat(tokenRequest(paula.user().email(), paula.password())).isEqualTo(201);
        var changes = audit.page(
                admin(), new AuditQuery(null, java.util.List.of(AuditKind.SIGN_IN_SETTINGS_CHANGED), null, null, 0, 2));
        assertThat(changes.items().get(1).newValue()).isEqualTo("single sign-on only");
        assertThat(changes.items().get(1).actorEmail()).isEqualTo(ADMIN_EMAIL);
    }

    private void signInAtProvider(String username, String password) {
        page.navigate(gantry("/login"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Acme Login"))
                .click();
        page.waitForURL("http://localhost:*/login");
        screenshot("sso-provider-login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }

    private int tokenRequest(String email, String password) throws Exception {
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"t\"}";
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(gantry("/api/v1/auth/tokens")))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /** Gantry as the browser reaches it here: 127.0.0.1, while the provider answers as localhost. */
    private String gantry(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
