package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.risk.NewRisk;
import org.gantry.server.risk.RiskService;
import org.gantry.server.task.LinkService;
import org.gantry.server.task.NewLink;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Risks page in the browser: a member adds a risk with the form, sees it in its heat-map cell, chooses
 * the cell to list only its risks, and runs the Monte Carlo analysis: with no spread the P-dates are the
 * planned finish; with the risk's two-day delay at 50 % P10 stays on plan, P90 moves and the risk leads the
 * tornado.
 */
class RiskPageIT extends BrowserTest {
    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    @Autowired
    TaskService tasks;

    @Autowired
    LinkService links;

    @Autowired
    RiskService risks;

    private Task task(Person owner, Project project, String name, String duration) {
        return tasks.create(
                owner.user(),
                project.key(),
                new NewTask(
                        name, null, null, null, null, null, null, null, null, duration, null, null, null, null, null,
                        null));
    }

    @Test
    void aMemberAddsARiskSeesItOnTheHeatMapAndTheAnalysisShowsWhatItDoesToTheFinish() {
        Person owner = invite("Rita Owner");
        Project project = projectWith(owner, ProjectRole.OWNER);
        Task build = task(owner, project, "Build", "5d");
        Task test = task(owner, project, "Test", "3d");
        links.create(owner.user(), project.key(), new NewLink(build.id(), test.id(), null, null, null, null));
        risks.create(
                owner.user(),
                project.key(),
                new NewRisk(
                        "Licence audit",
                        null,
                        null,
                        null,
                        null,
                        null,
                        1,
                        2,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        Person member = invite("Max Member");
        projects.addMember(
                admin(),
                project.key(),
                new org.gantry.server.project.NewMember(member.user().id(), null, ProjectRole.MEMBER));

        logIn(member);
        page.navigate("/projects/" + project.key() + "/list");
        page.getByLabel("Project views")
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("Risks").setExact(true))
                .click();
        page.getByLabel("Title", EXACT).fill("Vendor API late");
        page.getByLabel("Probability", EXACT).selectOption("4");
        page.getByLabel("Impact", EXACT).selectOption("5");
        page.getByLabel("Response strategy", EXACT).selectOption("MITIGATE");
        page.getByLabel("Task it delays", EXACT).selectOption(String.valueOf(test.id()));
        page.getByLabel("By (working days)", EXACT).fill("2");
        page.getByLabel("Chance (%, blank: from the probability)", EXACT).fill("50");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add risk"))
                .click();

        assertThat(page.locator("main")).containsText("Risk added: Vendor API late (score 20, critical).");
        Locator cell = page.locator("#risk-heat-map td[data-probability='4'][data-impact='5'] a");
        assertThat(cell).hasText("1");
        assertThat(page.locator("#risk-list tbody tr")).hasCount(2);

        cell.focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#register-heading")).hasText("Risks of probability 4 and impact 5");
        assertThat(page.locator("#risk-list tbody tr")).hasCount(1);
        assertThat(page.locator("#risk-list tbody tr")).containsText("Vendor API late");
        assertThat(page.locator("#risk-list tbody tr")).containsText("+2.00 d at 50 %");
        assertAccessible("heat map with a chosen cell");
        page.locator("#show-all-risks").click();
        assertThat(page.locator("#risk-list tbody tr")).hasCount(2);

        // Build then Test: with no spread nothing varies but the risk, two days on Test in half the runs.
        page.getByLabel("Optimistic (% of duration)", EXACT).fill("100");
        page.getByLabel("Pessimistic (% of duration)", EXACT).fill("100");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run analysis"))
                .click();
        java.time.LocalDate finish = tasks.get(owner.user(), project.key(), test.id())
                .task()
                .finish()
                .toLocalDate();
        assertThat(page.locator("#p10")).hasText(finish.format(DAY));
        assertThat(page.locator("#p90")).hasText(workingDaysAfter(finish, 2).format(DAY));
        assertThat(page.locator("#tornado tbody tr").first()).containsText("Vendor API late");
        assertThat(page.locator("#criticality")).containsText("Build");
        assertAccessible("analysis results");
    }

    @Test
    void aResidualRatingMovesTheRiskOnTheResidualHeatMapAndTheExposureTrendFollowsLive() {
        Person owner = invite("Rhea Owner");
        Project project = projectWith(owner, ProjectRole.OWNER);
        task(owner, project, "Build", "5d");
        logIn(owner);
        page.navigate("/projects/" + project.key() + "/risks");
        assertThat(page.locator("#no-exposure")).isVisible();

        page.getByLabel("Title", EXACT).fill("Vendor API late");
        page.getByLabel("Probability", EXACT).selectOption("4");
        page.getByLabel("Impact", EXACT).selectOption("5");
        page.getByLabel("Residual probability", EXACT).selectOption("2");
        page.getByLabel("Residual impact", EXACT).selectOption("2");
        page.getByLabel("Trigger (the warning sign)", EXACT).fill("Demo slips");
        page.getByLabel("Could happen from", EXACT).fill("2026-04-01");
        page.getByLabel("Cost impact (" + project.currency() + ")", EXACT).fill("1500");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add risk"))
                .click();

        assertThat(page.locator("main")).containsText("Risk added: Vendor API late (score 20, critical).");
        Locator row = page.locator("#risk-list tbody tr");
        assertThat(row.locator("td.residual")).containsText("4");
        assertThat(row).containsText("Trigger: Demo slips");
        assertThat(row).containsText("Could happen from 2026-04-01");
        assertThat(row).containsText("1,500.00");
        assertThat(page.locator("#exposure-now")).containsText("exposure 20, residual 4, 1 open risk");
        page.locator("#risk-exposure summary").click();
        assertThat(page.locator("#exposure-table tbody tr")).hasCount(1);
        assertThat(page.locator("#exposure-table tbody tr td").nth(2)).hasText("20");

        page.locator("#basis-residual").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#basis-residual")).hasAttribute("aria-current", "true");
        assertThat(page.locator("#risk-heat-map td[data-probability='4'][data-impact='5'] a"))
                .hasCount(0);
        Locator residualCell = page.locator("#risk-heat-map td[data-probability='2'][data-impact='2'] a");
        assertThat(residualCell).hasText("1");
        assertThat(page.locator("#risk-heat-map")).containsText("residual exposure 4");
        assertAccessible("residual heat map with the exposure trend");
        residualCell.click();
        assertThat(page.locator("#register-heading")).hasText("Risks of residual probability 2 and impact 2");
        assertThat(page.locator("#risk-list tbody tr")).hasCount(1);

        // Someone else raises a risk: the trend and the heat map follow without a reload.
        assertThat(page.locator("#live")).hasAttribute("data-state", "live");
        risks.create(
                admin(),
                project.key(),
                new NewRisk(
                        "Tester leaves",
                        null,
                        null,
                        null,
                        null,
                        null,
                        2,
                        3,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
        assertThat(page.locator("#exposure-now")).containsText("exposure 26, residual 10, 2 open risks");
        assertThat(page.locator("#risk-heat-map td[data-probability='2'][data-impact='3'] a"))
                .hasText("1");
    }

    private static java.time.LocalDate workingDaysAfter(java.time.LocalDate day, int count) {
        java.time.LocalDate next = day;
        for (int left = count; left > 0; ) {
            next = next.plusDays(1);
            if (next.getDayOfWeek().getValue() <= 5) {
                left--;
            }
        }
        return next;
    }
}
