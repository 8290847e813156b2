package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.junit.jupiter.api.Test;

/**
 * The portfolio pages in headless Chromium: a manager opens the portfolio from the sidebar, finds each of their
 * projects with its health and nothing of projects they are not in, and reaches a project's dashboard from its
 * row; an admin makes someone portfolio manager, who keeps a strategic goal and a programme with the keyboard;
 * an owner places and scores two proposed projects and sees the budget line of the what-if list, the grouping
 * by programme, the timeline and the bubble chart, all kept in the address.
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

        page.locator("#portfolio-" + mine.key() + " a").first().click();
        page.waitForURL("**/projects/" + mine.key());
        assertThat(page.url()).endsWith("/projects/" + mine.key());
    }

    @Test
    void proposedProjectsAreRankedAgainstABudgetLineKeptInTheAddress() {
        Person strategist = invite("Sam Strategist");
        Person owner = invite("Olga Owner");
        Project first = projectWith(owner, ProjectRole.OWNER);
        Project second = projectWith(owner, ProjectRole.OWNER);
        String goal = "Reach " + unique();
        String programme = "Platform " + unique();

        // An admin grants the role on the users page.
        logInAsAdmin();
        page.navigate("/admin/users");
        Locator row =
                page.locator("#user-list tr[data-email='" + strategist.user().email() + "']");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Make portfolio manager"))
                .click();
        assertThat(page.locator("#flash")).containsText("is a portfolio manager");
        assertThat(row.locator(".user-role")).hasText("Portfolio manager");
        forgetSession();

        // The portfolio manager adds a goal and a programme with the keyboard alone.
        logIn(strategist);
        page.navigate("/portfolio/strategy");
        page.locator("#new-goal-name").focus();
        page.keyboard().type(goal);
        page.keyboard().press("Tab");
        page.keyboard().type("4");
        page.keyboard().press("Enter");
        assertThat(page.locator("#flash")).containsText("Strategic goal " + goal + " created.");
        assertThat(page.locator("#goal-table")).containsText(goal);
        page.locator("#new-programme-name").focus();
        page.keyboard().type(programme);
        page.keyboard().press("Enter");
        assertThat(page.locator("#programme-table input[value='" + programme + "']"))
                .hasCount(1);
        page.locator("#new-goal-weight").focus();
        page.keyboard().type("400");
        page.locator("#new-goal-name").focus();
        page.keyboard().type("Too heavy " + unique());
        page.keyboard().press("Enter");
        assertThat(page.locator("#new-goal-weight-error")).hasText("must be between 1 and 100");
        assertAccessible("strategy with a field error");
        forgetSession();

        // The owner places both projects and scores them: the first is worth more and cheaper.
        logIn(owner);
        placeAndScore(first, programme, "100", goal, "5");
        placeAndScore(second, null, "300", goal, "2");

        page.navigate("/portfolio");
        page.locator("#portfolio-group").selectOption("PROGRAMME");
        page.locator("#portfolio-budget").focus();
        page.keyboard().type("250");
        page.keyboard().press("Enter");
        page.waitForURL(url -> url.contains("budget=250") && url.contains("group=PROGRAMME"));
        assertThat(page.locator("#what-if-" + first.key())).hasAttribute("data-fits", "true");
        assertThat(page.locator("#what-if-" + second.key())).hasAttribute("data-fits", "false");
        assertThat(page.locator("#cut-off-line")).containsText("Budget line: 250");
        assertThat(page.locator("#what-if-summary")).containsText("1 of 2 proposed projects fit");
        Locator grouped = page.locator(".portfolio-group", new Page.LocatorOptions().setHasText(programme));
        assertThat(grouped.locator("tr[data-key='" + first.key() + "']")).hasCount(1);
        assertThat(grouped.locator("tr[data-key='" + second.key() + "']")).hasCount(0);
        assertThat(page.locator("#timeline-" + first.key())).isVisible();
        assertThat(page.locator("#bubble-chart .bubble-point[data-key='" + first.key() + "']"))
                .hasCount(1);
        assertThat(page.locator("#bubble-" + first.key() + " .alignment")).not().hasText("–");
        assertAccessible("portfolio with a budget line");

        // The address keeps the choices: opening it again shows the same line.
        page.navigate(page.url());
        assertThat(page.locator("#portfolio-budget")).hasValue("250");
        assertThat(page.locator("#cut-off-line")).isVisible();
    }

    private void placeAndScore(Project project, String programme, String cost, String goal, String score) {
        page.navigate("/portfolio/projects/" + project.key());
        if (programme != null) {
            page.locator("#placement-programme")
                    .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(programme));
        }
        page.locator("#placement-proposed").focus();
        page.keyboard().press("Space");
        page.locator("#placement-cost").focus();
        page.keyboard().type(cost);
        page.keyboard().press("Enter");
        assertThat(page.locator("#flash")).containsText("Saved the project's place in the portfolio.");
        assertThat(page.locator("#placement-proposed")).isChecked();
        Locator scoreRow = page.locator("#score-table tr", new Page.LocatorOptions().setHasText(goal));
        scoreRow.locator("select").selectOption(score);
        scoreRow.getByRole(AriaRole.BUTTON).focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#flash")).containsText("Saved the score.");
        assertAccessible("placement");
    }
}
