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
import org.gantry.server.risk.ScheduleRiskReport;
import org.gantry.server.risk.ScheduleRiskRequest;
import org.gantry.server.risk.ScheduleRiskService;
import org.gantry.server.task.LinkService;
import org.gantry.server.task.NewLink;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Monte Carlo analysis run from the Risks page in the background: the progress bar shows while it runs,
 * then the P80 date (the synchronous analysis's for the same request) and the tornado, and the run is in the
 * list of past analyses, from which it opens again with the keyboard.
 */
class ScheduleRiskRunPageIT extends BrowserTest {
    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    @Autowired
    TaskService tasks;

    @Autowired
    LinkService links;

    @Autowired
    RiskService risks;

    @Autowired
    ScheduleRiskService scheduleRisk;

    private Task task(Person owner, Project project, String name, String duration) {
        return tasks.create(
                owner.user(),
                project.key(),
                new NewTask(
                        name, null, null, null, null, null, null, null, null, duration, null, null, null, null, null,
                        null));
    }

    @Test
    void anAnalysisRunsInTheBackgroundWithAProgressBarAndShowsTheP80DateAndTheTornado() {
        Person owner = invite("Paula Planner");
        Project project = projectWith(owner, ProjectRole.OWNER);
        // Eight chains of twenty tasks: 100,000 runs take long enough (a second or more) to watch.
        Task last = null;
        for (int chain = 0; chain < 8; chain++) {
            Task previous = null;
            for (int i = 0; i < 20; i++) {
                Task next = task(owner, project, "Work " + chain + "." + i, (1 + (chain + i) % 4) + "d");
                if (previous != null) {
                    links.create(
                            owner.user(), project.key(), new NewLink(previous.id(), next.id(), null, null, null, null));
                }
                previous = next;
            }
            last = previous;
        }
        risks.create(
                owner.user(),
                project.key(),
                new NewRisk(
                        "Supplier strike",
                        null,
                        null,
                        null,
                        null,
                        null,
                        4,
                        4,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        last.id(),
                        new java.math.BigDecimal("10"),
                        60,
                        null,
                        null,
                        null,
                        null,
                        null));

        logIn(owner);
        page.navigate("/projects/" + project.key() + "/list");
        page.getByLabel("Project views")
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName("Risks").setExact(true))
                .click();
        assertThat(page.locator("#no-past-runs")).isVisible();
        page.getByLabel("Runs", EXACT).fill("100000");
        page.getByLabel("Distribution", EXACT).selectOption("PERT");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run analysis"))
                .focus();
        page.keyboard().press("Enter");

        Locator progress = page.getByLabel("Analysis progress");
        assertThat(progress).isVisible();
        assertThat(page.locator("#analysis-progress-text")).containsText("runs");
        assertAccessible("analysis running");

        ScheduleRiskReport expected = scheduleRisk.run(
                owner.user(),
                project.key(),
                new ScheduleRiskRequest(100_000, null, "PERT", null, null, null, null, null, null));
        String p80 = expected.p80().format(DAY);
        assertThat(page.locator("#p80"))
                .hasText(
                        p80,
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(60_000));
        assertThat(progress).isHidden();
        assertThat(page.locator("#analysis-result-heading")).isFocused();
        assertThat(page.locator("#tornado tbody tr").first()).containsText("Supplier strike");
        assertThat(page.locator("#tornado tbody tr"))
                .hasCount(expected.tornado().size());
        assertThat(page.locator("#finish-days tbody tr"))
                .hasCount(expected.finishDays().size());
        Locator past = page.locator("#past-runs-list tbody tr");
        assertThat(past).hasCount(1);
        assertThat(past.first()).containsText("100,000");
        assertThat(past.first()).containsText("Done");
        assertThat(past.first()).containsText(p80);
        assertThat(past.first()).containsText("Paula Planner");
        assertAccessible("analysis results");

        // The stored run opens again from the list (the address names it), with the keyboard.
        page.navigate("/projects/" + project.key() + "/risks");
        assertThat(page.locator("#analysis-result")).hasCount(0);
        page.locator("#past-runs-list a").first().focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#p80")).hasText(p80);
        assertThat(page.locator("#tornado tbody tr").first()).containsText("Supplier strike");
    }
}
