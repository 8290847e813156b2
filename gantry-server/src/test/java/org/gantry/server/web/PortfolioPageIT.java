package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.junit.jupiter.api.Test;

/**
 * The portfolio page in headless Chromium: a manager opens it from the sidebar, finds each of their projects
 * with its health and nothing of projects they are not in, and reaches a project's dashboard from its row.
 */
class PortfolioPageIT extends BrowserTest {

    @Test
    void aManagerSeesTheirProjectsAndOpensOneFromThePortfolio() {
        Person manager = invite("Pia Manager");
        Project mine = projectWith(manager, ProjectRole.MANAGER);
        Project theirs = projectWith(null, null);
        logIn(manager);

        page.locator("nav.sidebar").getByText("Portfolio").click();
        page.waitForURL("**/portfolio");
        assertThat(page.locator("#portfolio-" + mine.key())).isVisible();
        assertThat(page.locator("#portfolio-" + mine.key() + " .overall")).containsText("green");
        assertThat(page.locator("#portfolio-" + theirs.key())).hasCount(0);
        assertAccessible("portfolio");

        page.locator("#portfolio-" + mine.key() + " a").click();
        page.waitForURL("**/projects/" + mine.key());
        assertThat(page.url()).endsWith("/projects/" + mine.key());
    }
}
