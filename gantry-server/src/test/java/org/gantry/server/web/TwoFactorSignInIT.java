package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.util.List;
import org.gantry.server.identity.Totp;
import org.junit.jupiter.api.Test;

/**
 * Someone turns on two-factor sign-in from their account page, logs out, and signs in again with the
 * password and then a code from the app; a recovery code signs them in once and only once.
 */
class TwoFactorSignInIT extends BrowserTest {

    @Test
    void aPersonTurnsOnTwoFactorSignInAndSignsInWithACodeAndOnceWithARecoveryCode() {
        Person ana = invite("Ana Twofactor");
        logIn(ana);
        page.navigate("/account/password");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Two-factor sign-in"))
                .click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set up two-factor sign-in"))
                .click();
        assertThat(page.locator("#two-factor-qr")).isVisible();
        String secret = page.locator("#two-factor-secret").textContent().strip();
        assertThat(page.locator("#two-factor-uri")).containsText("otpauth://totp/Gantry:");
        screenshot("two-factor-enrol");

        page.getByLabel("Code from your app").fill("000000".equals(now(secret, -30)) ? "111111" : "000000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on"))
                .click();
        assertThat(page.locator("#confirm-error")).containsText("not the code your app shows");
        assertAccessible("wrong first code");

        page.getByLabel("Code from your app").fill(now(secret, -30));
        page.getByLabel("Code from your app").press("Enter");
        assertThat(page.locator("#recovery-code-list li")).hasCount(10);
        List<String> recovery = page.locator("#recovery-code-list li").allTextContents().stream()
                .map(String::strip)
                .toList();
        assertThat(page.locator("#two-factor-status")).containsText("On");
        assertAccessible("recovery codes shown");
        screenshot("two-factor-recovery-codes");
        page.reload();
        assertThat(page.locator("#recovery-codes")).hasCount(0);

        logOut();
        enterPassword(ana);
        page.waitForURL("**/login/code");
        page.getByLabel("Code from your authenticator app").fill(now(secret, 0));
        page.getByLabel("Code from your authenticator app").press("Enter");
        page.waitForURL("**/my-work");
        assertThat(page.locator(".sidebar-foot")).containsText("Ana Twofactor");

        logOut();
        enterPassword(ana);
        page.waitForURL("**/login/code");
        assertThat(page.locator("main")).containsText(ana.user().email());
        page.navigate("/projects");
        page.waitForURL("**/login", new Page.WaitForURLOptions().setTimeout(30_000));
        page.goBack();
        page.navigate("/login/code");
        page.getByLabel("Code from your authenticator app").fill(recovery.get(0));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify"))
                .click();
        waitForLanding(page);

        logOut();
        enterPassword(ana);
        page.waitForURL("**/login/code");
        page.getByLabel("Code from your authenticator app").fill(recovery.get(0));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify"))
                .click();
        page.waitForURL("**/login/code?error");
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("wrong, expired or was already used");
        screenshot("two-factor-code-refused");
    }

    private void enterPassword(Person person) {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(person.user().email());
        page.getByLabel("Password").fill(person.password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
    }

    private void logOut() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                .click();
        page.waitForURL("**/login?logout");
    }

    private static String now(String secret, int offsetSeconds) {
        return Totp.code(secret, Instant.now().plusSeconds(offsetSeconds));
    }
}
