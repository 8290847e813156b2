package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/** An admin finds a person's sign-ins and failed sign-ins in the audit log, with the keyboard only. */
class AuditPageIT extends BrowserTest {

    @Test
    void anAdminFiltersTheAuditLogByPersonAndKindWithTheKeyboard() {
        Person ana = invite("Ana Audited");
        page.navigate("/login");
        page.getByLabel("E-mail").fill(ana.user().email());
        page.getByLabel("Password").fill("not-her-password");
        page.getByLabel("Password").press("Enter");
        page.waitForURL("**/login?error");
        logIn(ana);
        forgetSession();

        logInAsAdmin();
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Admin").setExact(true))
                .click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log"))
                .click();
        page.waitForURL("**/admin/audit");

        page.getByLabel("Person (e-mail or user id)").focus();
        page.keyboard().type(ana.user().email());
        page.keyboard().press("Tab");
        page.getByLabel("Kind").selectOption("LOGIN_FAILED");
        page.getByLabel("Person (e-mail or user id)").press("Enter");

        page.waitForURL("**/admin/audit?**kind=LOGIN_FAILED**");
        var rows = page.locator("#audit-list tbody tr");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("Sign-in failed");
        assertThat(rows.first()).containsText("(not signed in)");
        assertThat(rows.first()).containsText(ana.user().email());
        assertThat(page.locator("#audit-count")).containsText("1 entry");
        screenshot("audit-log");

        page.getByLabel("Kind").selectOption("LOGIN");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter"))
                .press("Enter");
        page.waitForURL("**kind=LOGIN&**");
        assertThat(rows).hasCount(1);
        assertThat(rows.first()).containsText("Signed in");
        assertThat(rows.first()).containsText("password");

        page.getByLabel("From (UTC)").fill("2026-05-02");
        page.getByLabel("To (UTC, included)").fill("2026-05-01");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filter"))
                .click();
        assertThat(page.locator("#audit-problems")).containsText("must not be before from");
    }
}
