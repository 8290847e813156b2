package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Share links in headless Chromium: a manager makes one from the dashboard, a sponsor without an account opens
 * it (the dashboard, read-only, with no way into the rest of Gantry), the manager sees when it was opened and
 * revokes it, and the sponsor's next visit is told the link is gone. A password-protected link opens after the
 * password is typed, with the keyboard alone.
 */
class ShareLinkPageIT extends BrowserTest {

    @Autowired
    TaskService tasks;

    private Project plan(Person manager) {
        Project project = projectWith(manager, ProjectRole.MANAGER);
        tasks.create(
                admin(),
                project.key(),
                new NewTask(
                        "Design review",
                        null,
                        null,
                        null,
                        false,
                        null,
                        null,
                        null,
                        null,
                        "2d",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        return project;
    }

    @Test
    void aSponsorOpensTheDashboardWithoutAnAccountUntilTheManagerRevokesTheLink() {
        Person manager = invite("Mona Manager");
        Project project = plan(manager);
        logIn(manager);

        page.navigate("/projects/" + project.key());
        page.locator("#share-links-link").click();
        page.waitForURL("**/projects/" + project.key() + "/share-links");
        assertThat(page.locator("#no-links")).isVisible();
        page.getByLabel("Who it is for (optional)").fill("Steering committee");
        page.locator("#create-share-link").click();
        assertThat(page.locator("#created-url")).isVisible();
        String address = page.locator("#created-url").inputValue();
        assertThat(address).contains("/share/");
        assertThat(page.locator("#share-links-table")).containsText("Steering committee");
        assertThat(page.locator("#share-links-table .last-opened")).hasText("never");
        assertAccessible("link created");

        forgetSession();
        page.navigate(address);
        assertThat(page.locator("h1")).hasText(project.name());
        assertThat(page.locator("#tile-health")).isVisible();
        assertThat(page.locator("#tile-progress")).isVisible();
        assertThat(page.locator("#tile-cost")).hasCount(0);
        assertThat(page.locator("a")).hasCount(0);
        assertThat(page.locator("form")).hasCount(0);
        assertAccessible("shared dashboard");

        forgetSession();
        logIn(manager);
        page.navigate("/projects/" + project.key() + "/share-links");
        assertThat(page.locator("#share-links-table .opened")).hasText("1");
        assertThat(page.locator("#share-links-table .last-opened")).not().hasText("never");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke link Steering committee"))
                .click();
        assertThat(page.locator("#flash")).containsText("revoked");
        assertThat(page.locator("#share-links-table .state")).hasText("revoked");

        forgetSession();
        page.navigate(address);
        assertThat(page.locator("h1")).hasText("Link no longer open");
        assertThat(page.locator("#unavailable-detail")).containsText("revoked");
        assertAccessible("revoked link");
        // The browser reports the 410 answer itself as a console error: expected here, and nothing else.
        assertThat(consoleErrors).allMatch(message -> message.contains("410"));
        consoleErrors.clear();
    }

    @Test
    void aPasswordProtectedLinkOpensOnceThePasswordIsTyped() {
        Person manager = invite("Max Manager");
        Project project = plan(manager);
        logIn(manager);
        page.navigate("/projects/" + project.key() + "/share-links");
        page.getByLabel("Password (optional, 8 characters or more)").fill("short");
        page.locator("#create-share-link").click();
        assertThat(page.locator("#share-password-error")).containsText("8 to 128");
        assertAccessible("password too short");
        page.getByLabel("Password (optional, 8 characters or more)").fill("sponsor-2026");
        page.locator("#create-share-link").click();
        String address = page.locator("#created-url").inputValue();

        forgetSession();
        page.navigate(address);
        assertThat(page.locator("h1")).containsText("needs a password");
        assertThat(page.locator("body")).not().containsText(project.name());
        page.getByLabel("Password").fill("wrong-password");
        page.keyboard().press("Enter");
        assertThat(page.locator("#share-password-error")).containsText("not right");
        assertAccessible("wrong password");
        page.getByLabel("Password").fill("sponsor-2026");
        page.keyboard().press("Enter");
        assertThat(page.locator("h1")).hasText(project.name());
        assertThat(page.locator("#tile-milestones")).isVisible();
    }

    @Test
    void aManagerSchedulesAWeeklyDigestForTheSteeringCommitteeAndCancelsIt() {
        Person manager = invite("Dora Manager");
        Project project = plan(manager);
        logIn(manager);
        page.navigate("/projects/" + project.key() + "/share-links");
        assertThat(page.locator("#no-digests")).isVisible();
        page.getByLabel("Recipients (e-mail addresses, one per line or separated by commas)")
                .fill("sponsor@example.com, not-an-address");
        page.getByLabel("Day (weekly)").selectOption("FRIDAY");
        page.getByLabel("At", new Page.GetByLabelOptions().setExact(true)).fill("16:30");
        page.locator("#schedule-digest").click();
        assertThat(page.locator("#digest-recipients-error")).containsText("not-an-address");
        assertAccessible("digest with a wrong address");

        page.getByLabel("Recipients (e-mail addresses, one per line or separated by commas)")
                .fill("sponsor@example.com\ncfo@example.com");
        page.locator("#schedule-digest").click();
        assertThat(page.locator("#flash")).containsText("Digest scheduled: Every Friday at 16:30");
        assertThat(page.locator("#digests-table")).containsText("sponsor@example.com, cfo@example.com");
        assertThat(page.locator("#digests-table .last")).hasText("never");
        assertAccessible("digest scheduled");

        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Cancel digest to sponsor@example.com, cfo@example.com"))
                .click();
        assertThat(page.locator("#flash")).containsText("Digest cancelled");
        assertThat(page.locator("#no-digests")).isVisible();
    }
}
