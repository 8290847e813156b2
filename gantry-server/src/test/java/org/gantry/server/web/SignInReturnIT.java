package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.Test;

/**
 * Where signing in leads, in Chromium: back to the page the person asked for while signed out, but never to
 * something a page fetched in the background meanwhile (the notification bell polls every minute; after a
 * session ends, its poll must not become the page the next sign-in opens as a bare fragment).
 */
class SignInReturnIT extends BrowserTest {

    @Test
    void signingInReturnsToTheAskedPageButNeverToABackgroundFetch() {
        Person person = invite("Rhea Return");

        // A page asked for while signed out is where signing in leads.
        page.navigate("/time-off");
        page.waitForURL("**/login**");
        signIn(person);
        page.waitForURL("**/time-off**");
        assertThat(page.locator("h1")).isVisible();

        // Signed out again: the page is asked for first, then the bell polls in the background (htmx).
        forgetSession();
        page.navigate("/time-off");
        page.waitForURL("**/login**");
        APIResponse poll = page.request()
                .get("/notifications/bell", RequestOptions.create().setHeader("HX-Request", "true"));
        assertThat(poll.url()).contains("/login");
        signIn(person);
        page.waitForURL("**/time-off**");
        assertThat(page.url()).doesNotContain("/notifications/bell");
        assertThat(page.locator("h1")).isVisible();

        // Only the bell asked while signed out: signing in opens the usual landing page.
        forgetSession();
        page.request().get("/notifications/bell", RequestOptions.create().setHeader("HX-Request", "true"));
        logIn(person.user().email(), person.password());
        assertThat(page.url()).doesNotContain("/notifications/bell");
    }

    private void signIn(Person person) {
        page.getByLabel("E-mail").fill(person.user().email());
        page.getByLabel("Password").fill(person.password());
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Page.GetByRoleOptions().setName("Log in"))
                .click();
    }
}
