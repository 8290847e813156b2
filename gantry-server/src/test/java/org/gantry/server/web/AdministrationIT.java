package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** An admin invites the team; people manage their own API tokens; the demo project opens. */
class AdministrationIT extends BrowserTest {

    @Test
    void anAdminInvitesAUserWhoLogsInWithTheOneTimePasswordShownOnce() {
        logInAsAdmin();
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Admin").setExact(true))
                .click();
        String email = "ines." + unique().toLowerCase() + "@example.test";
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Name").fill("Ines Invited");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Invite user"))
                .click();

        Locator secret = page.locator("#one-time-password .secret");
        assertThat(secret).isVisible();
        String password = secret.textContent().strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(8);
        assertThat(page.locator("#user-list tr[data-email='" + email + "']")).containsText("One-time password");
        screenshot("admin-invited");

        page.reload();
        assertThat(page.locator("#one-time-password")).hasCount(0);

        // The admin adds the new user to a project by e-mail, as a member.
        var project = projectWith(null, null);
        page.navigate("/projects/" + project.key() + "/members");
        page.getByLabel("E-mail of the person to add").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to project"))
                .click();
        assertThat(page.locator("#member-list tr[data-email='" + email + "']")).isVisible();
        assertThat(page.locator("#flash")).containsText("Ines Invited joined the project as member");
        screenshot("members");

        // The one-time password opens only the password form: the admin has seen it.
        forgetSession();
        page.navigate("/login");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL("**/account/password?required");
        assertThat(page.locator("#password-required")).containsText("Choose your own password");
        page.navigate("/projects/" + project.key() + "/list");
        page.waitForURL("**/account/password?required");

        page.getByLabel("Current password").fill(password);
        page.getByLabel("New password").fill("my own words " + unique());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password"))
                .click();
        assertThat(page.locator("#flash")).containsText("Your password is changed");
        assertThat(page.locator("#password-reminder")).hasCount(0);
        page.navigate("/projects");
        assertThat(page.locator("#project-list")).containsText(project.name());
        screenshot("projects-list");
    }

    @Test
    void anAdminInvitesSomeoneNewStraightIntoAProjectTeam() {
        var project = projectWith(null, null);
        logInAsAdmin();
        page.navigate("/projects/" + project.key() + "/members");
        String email = "nora." + unique().toLowerCase() + "@example.test";
        page.getByLabel("E-mail of the person to add").fill(email);
        page.getByLabel("Name, to invite someone new").fill("Nora New");
        page.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).selectOption("STAKEHOLDER");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to project"))
                .click();

        assertThat(page.locator("#one-time-password .secret")).isVisible();
        String password =
                page.locator("#one-time-password .secret").textContent().strip();
        assertThat(page.locator("#member-list tr[data-email='" + email + "']")).containsText("Nora New");

        forgetSession();
        logInAndChooseOwnPassword(email, password);
        page.navigate("/projects/" + project.key() + "/list");
        assertThat(page.locator("#read-only-note")).containsText("stakeholder");
    }

    @Test
    void aDeactivatedUserCanNoLongerLogIn() {
        Person leaver = invite("Leo Leaver");
        logInAsAdmin();
        page.navigate("/admin/users");
        Locator row = page.locator("#user-list tr[data-email='" + leaver.user().email() + "']");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deactivate"))
                .click();
        page.locator("dialog[open]")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deactivate"))
                .click();
        assertThat(row).containsText("Deactivated");

        forgetSession();
        page.navigate("/login");
        page.getByLabel("E-mail").fill(leaver.user().email());
        page.getByLabel("Password").fill(leaver.password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("deactivated");
    }

    @Test
    void aSignInFormWhoseSessionEndedAsksToSignInAgainInsteadOfRefusing() {
        Person person = invite("Ella Expired");
        page.navigate("/login");
        page.getByLabel("E-mail").fill(person.user().email());
        page.getByLabel("Password").fill(person.password());
        context.clearCookies(); // the session the form was issued in is gone, and with it its CSRF token
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("sign-in form had expired");

        page.getByLabel("E-mail").fill(person.user().email());
        page.getByLabel("Password").fill(person.password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.waitForURL("**/my-work");
        assertThat(page.locator(".sidebar-foot .who")).containsText("Ella Expired");
    }

    @Test
    void aPersonalApiTokenIsShownOnceListedAndRevoked() {
        Person person = invite("Tom Token");
        logIn(person);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("API tokens"))
                .click();
        page.getByLabel("What is it for?").fill("CI pipeline");
        page.getByLabel("Your password").fill(person.password());
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token"))
                .click();

        assertThat(page.locator("#new-token .secret")).isVisible();
        String token = page.locator("#new-token .secret").textContent().strip();
        var me = page.request()
                .get(
                        "/api/v1/me",
                        com.microsoft.playwright.options.RequestOptions.create()
                                .setHeader("Authorization", "Bearer " + token));
        assertThat(me.status()).isEqualTo(200);
        assertThat(page.locator("#token-list")).containsText("CI pipeline");
        screenshot("api-tokens");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke"))
                .click();
        page.locator("dialog[open]")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke"))
                .click();
        assertThat(page.locator("#flash")).containsText("Token revoked");
        assertThat(page.locator("#token-list")).hasCount(0);
    }

    @Test
    void theDemoProjectOpensWithItsWorkBreakdown() {
        logInAsAdmin();
        page.navigate("/admin/users");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create demo project"))
                .click();
        page.waitForURL("**/projects/DEMO/list");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Customer portal relaunch")))
                .isVisible();
        int rows = page.locator("tr.task-row").count();
        assertThat(rows).isBetween(50, 80);
        assertThat(page.locator("tr.task-row.summary").first()).isVisible();
        screenshot("demo-list");
    }

    @Test
    void anAdminClearsALoginLockOnTheAdminPageAndItsOwnerLogsInAtOnce() throws Exception {
        Person person = invite("Lara Locked");
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> failed = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/tokens"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\""
                                    + person.user().email() + "\",\"password\":\"wrong-guess-" + i + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(failed.statusCode()).isEqualTo(401);
        }

        logInAsAdmin();
        page.navigate("/admin/users");
        Locator row = page.locator(
                "#login-lock-list tr[data-subject='" + person.user().email() + "']");
        assertThat(row).containsText("10 failed logins for this account");
        screenshot("admin-login-locks");
        row.getByRole(
                        AriaRole.BUTTON,
                        new Locator.GetByRoleOptions()
                                .setName("Clear the lock on " + person.user().email()))
                .click();
        assertThat(page.locator("#flash")).containsText("login lock is cleared");
        assertThat(row).hasCount(0);

        forgetSession();
        logIn(person);
    }
}
