package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.gantry.server.demo.DemoProject;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.risk.NewRaidEntry;
import org.gantry.server.risk.RaidService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page, as an admin on the demo project, as a read-only stakeholder and on an empty project, with
 * the task panel and a dialog open and validation errors shown, has no serious or critical axe-core
 * violation of the WCAG 2.0/2.1 A and AA rules. {@link BrowserTest} analyses each page on arrival; this
 * test waits for the pages that draw themselves (list, Gantt, calendar) and analyses them drawn, and
 * analyses the extra states explicitly. A failure names the rules that fired and the elements.
 */
class AccessibilityIT extends BrowserTest {

    @Autowired
    DemoProject demo;

    @Autowired
    RaidService raid;

    @Autowired
    org.gantry.server.risk.RiskService risks;

    @Autowired
    org.gantry.server.collaboration.AttachmentService attachments;

    Project project;
    String who = "as admin";

    @BeforeEach
    void theDemoProject() {
        project = demo.create(admin());
    }

    @Test
    void everyPageOfTheDemoProjectIsAccessibleToAnAdmin() {
        visit("/login?error");
        logInAsAdmin();
        visit("/projects");
        String base = "/projects/" + project.key();

        visit(base);
        listViewWithTaskPanelAndDeleteDialog(base, true);
        ganttDrawn(base, true);
        calendarDrawn(base);
        visit(base + "/board");
        visit(base + "/backlog");
        flowDrawn(base);
        deliveryWithDefinitions(base);
        integrationsWithAnErrorAndAWebhook(base);
        visit(base + "/resources");
        page.locator("#resource-table tbody tr th a").first().click();
        page.waitForURL("**/resources/*");
        assertAccessible("a resource's page");
        visit(base + "/workload");
        visit("/workload");
        visit("/workload?scale=DAY&periods=20");
        visit("/time-off");
        visit(base + "/risks");
        visit(base + "/risks?run=1&iterations=500#schedule-risk");
        raidLogWithEntriesAndAValidationError(base);
        visit(base + "/timesheets");
        earnedValueWithExpensesBudgetAndErrors(base);
        expensesWithAReceiptAndARefusedOne(base);
        visit("/timesheet");
        visit(base + "/members");
        visit(base + "/settings");
        visit(base + "/activity");
        visit(base + "/changes");
        page.locator("#change-title-input").fill("Extra acceptance round");
        page.locator("#add-name").fill("Acceptance round 2");
        page.locator("#add-after").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.locator("#create-change").click();
        assertThat(page.locator("#impact-finish")).isVisible();
        assertAccessible("change request with its impact");
        visit(base + "/reports");
        page.locator("#create-report").click();
        assertThat(page.locator("#report-form")).isVisible();
        assertAccessible("draft status report");
        page.locator("#publish-report").click();
        assertThat(page.locator("#report-state-text")).containsText("Published");
        assertAccessible("published status report");
        page.locator("#share-report").click();
        page.locator("#create-share-link").click();
        assertThat(page.locator("#created-url")).isVisible();
        assertAccessible("share link created");
        visit(page.locator("#created-url").inputValue());
        assertThat(page.locator("#section-rag")).isVisible();
        assertThat(page.locator("svg.gantt-excerpt")).isVisible();
        visit(base + "/share-links");
        page.locator("#share-what").selectOption("gantt");
        page.locator("#create-share-link").click();
        assertThat(page.locator("#created-url")).isVisible();
        visit(page.locator("#created-url").inputValue());
        assertThat(page.locator("svg.gantt-excerpt")).isVisible();
        oneClickReports(base, true);
        visit(base + "/import");
        visit("/projects/import");
        visit("/admin/users");
        visit("/admin/audit");
        visit("/account/two-factor");
        visit("/notifications");
        visit("/notifications/preferences");
        visit("/my-work");
        visit("/portfolio");
        visit("/portfolio?group=PROGRAMME&axis=COST&budget=1000");
        visit("/portfolio/strategy");
        visit("/portfolio/projects/" + project.key());

        visit("/projects/new");
        page.locator("#key").fill("V" + unique());
        page.locator("#name").fill("Validation");
        page.locator("#workingHours").fill("nine to five");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Create project"))
                .click();
        assertThat(page.locator(".field-error").first()).isVisible();
        assertAccessible("validation error");

        tokenAndPasswordErrors();
    }

    @Test
    void everyPageOfTheDemoProjectIsAccessibleToAReadOnlyStakeholder() {
        who = "as stakeholder";
        Person sponsor = invite("Read Only Sponsor");
        projects.addMember(admin(), project.key(), new NewMember(sponsor.user().id(), null, ProjectRole.STAKEHOLDER));
        logIn(sponsor);
        visit("/projects");
        String base = "/projects/" + project.key();

        visit(base);
        listViewWithTaskPanelAndDeleteDialog(base, false);
        assertThat(page.locator("#read-only-note")).isVisible();
        ganttDrawn(base, false);
        calendarDrawn(base);
        visit(base + "/board");
        visit(base + "/backlog");
        flowDrawn(base);
        deliveryWithDefinitions(base);
        visit(base + "/resources");
        visit(base + "/risks?run=1&iterations=500");
        visit(base + "/raid");
        long decision = raid.create(admin(), project.key(), decision()).id();
        visit(base + "/raid/" + decision);
        visit(base + "/timesheets");
        visit(base + "/members");
        visit(base + "/settings");
        visit(base + "/activity");
        visit(base + "/changes");
        visit(base + "/reports");
        oneClickReports(base, false);
        visit("/notifications");
        visit("/my-work");
        visit("/account/two-factor");
        tokenAndPasswordErrors();
    }

    @Test
    void everyPageOfAnEmptyProjectIsAccessible() {
        who = "empty project";
        Project empty = projectWith(null, null);
        logInAsAdmin();
        String base = "/projects/" + empty.key();
        visit(base);
        visit(base + "/list");
        assertThat(page.locator(".empty-row")).isVisible();
        page.navigate(base + "/gantt");
        assertThat(page.locator("#gantt")).hasAttribute("aria-busy", "false");
        assertAccessible("drawn");
        visit(base + "/calendar");
        visit(base + "/board");
        visit(base + "/backlog");
        visit(base + "/flow");
        assertThat(page.locator("#cycle-empty")).containsText("No finished tasks yet");
        visit(base + "/delivery");
        assertThat(page.locator("#value-lead-time")).hasText("Not enough data");
        visit(base + "/changes");
        visit(base + "/resources");
        visit(base + "/risks");
        visit(base + "/raid");
        visit(base + "/timesheets");
        visit(base + "/members");
        visit(base + "/settings");
        visit(base + "/reports");
        visit(base + "/reports/schedule");
        assertThat(page.locator("#report-note")).hasText("The plan has no task.");
        visit(base + "/reports/late-tasks?date=2026-02-30");
        assertThat(page.locator("#one-click-date-error")).isVisible();
    }

    /** The one-click reports' pages (the workload's only for those who see people's workload). */
    private void oneClickReports(String base, boolean seesWorkload) {
        for (String kind : List.of("schedule", "milestones", "late-tasks", "baseline-variance")) {
            visit(base + "/reports/" + kind);
            assertThat(page.locator("#figures-table")).isVisible();
        }
        if (seesWorkload) {
            visit(base + "/reports/workload");
            assertThat(page.locator("#figures-table")).isVisible();
        }
    }

    @Test
    void theGanttChartsScrollRegionTakesTheFocusAndScrollsWithTheArrowKeys() {
        logInAsAdmin();
        page.navigate("/projects/" + project.key() + "/gantt");
        assertThat(page.locator(".gantt-task").first()).isAttached();
        Locator rows = page.locator(".gantt-scroller");
        assertThat(rows).hasAttribute("tabindex", "0");
        assertThat(rows).hasAccessibleName("Tasks (scroll with the arrow keys)");

        page.locator(".gantt").focus();
        page.keyboard().press("Tab");
        assertThat(rows).isFocused();
        Locator timeline = page.locator(".gantt-time-hbar");
        double left = ((Number) timeline.evaluate("element => element.scrollLeft")).doubleValue();
        page.keyboard().press("ArrowRight");
        page.keyboard().press("ArrowRight");
        eventually(
                () -> ((Number) timeline.evaluate("element => element.scrollLeft")).doubleValue() > left,
                "Right scrolls the timeline");
        page.keyboard().press("PageDown");
        eventually(
                () -> ((Number) rows.evaluate("element => element.scrollTop")).doubleValue() > 0,
                "Page Down scrolls the rows");
        System.out.println("Gantt row as read out: "
                + page.locator(".gantt-row.is-critical").first().ariaSnapshot());
    }

    /** Prints what a screen reader is given for a row, a summary row and a dependency (see README). */
    @Test
    void theListViewAndTheTaskPanelNameTheirRowsAndDependencies() {
        logInAsAdmin();
        page.navigate("/projects/" + project.key() + "/list");
        assertThat(page.locator("#task-grid")).hasAttribute("role", "treegrid");
        Locator summary = page.locator("tr.task-row.summary").first();
        assertThat(summary).hasAttribute("aria-expanded", "true");
        assertThat(summary).hasAttribute("aria-level", "1");
        Locator task = page.locator("tr.task-row:not(.summary)").nth(2);
        assertThat(task).hasAttribute("aria-level", "2");
        System.out.println("List row as read out:\n" + task.ariaSnapshot());
        System.out.println("Summary row as read out:\n" + summary.ariaSnapshot());

        task.locator("td.c-wbs").click();
        page.keyboard().press(" ");
        Locator dependencies = page.locator("#drawer #predecessors");
        assertThat(dependencies).isVisible();
        assertThat(dependencies).hasAccessibleName("Waits for (predecessors)");
        assertThat(dependencies.locator("li").first()).containsText("finish-to-start");
        System.out.println("Dependency as read out:\n" + dependencies.ariaSnapshot());
    }

    private static void eventually(java.util.function.BooleanSupplier condition, String what) {
        long until = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Opens a page and analyses it in the name of whoever is logged in (the browser test set-up analyses a
     * kind of page on arrival only once per test JVM, and the same page differs by role and project).
     */
    private static NewRaidEntry decision() {
        return new NewRaidEntry(
                "DECISION",
                "Go with the second vendor",
                "Both quotes were in; the second ships two weeks sooner.",
                null,
                "DECIDED",
                null,
                null,
                null,
                null,
                null,
                "Two weeks sooner at the same price",
                null,
                null,
                null);
    }

    /**
     * The RAID log with an entry of the demo plan, one entry's page with a file, a risk's page with a file and a
     * refused one, and the add form with its field errors.
     */
    private void raidLogWithEntriesAndAValidationError(String base) {
        long decision = raid.create(admin(), project.key(), decision()).id();
        attachments.uploadToRaidEntry(
                admin(),
                project.key(),
                decision,
                "minutes.txt",
                new java.io.ByteArrayInputStream("Agreed".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        visit(base + "/raid/" + decision);
        long risk = risks.create(
                        admin(),
                        project.key(),
                        new org.gantry.server.risk.NewRisk(
                                "Vendor late",
                                null,
                                null,
                                null,
                                null,
                                null,
                                3,
                                4,
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
                                null))
                .id();
        attachments.uploadToRisk(
                admin(),
                project.key(),
                risk,
                "chart.txt",
                new java.io.ByteArrayInputStream("Chart".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        visit(base + "/risks/" + risk);
        page.locator("#attach-file").click();
        assertThat(page.locator("#file-error")).isVisible();
        assertAccessible("a risk's page with a refused file");
        visit(base + "/raid");
        page.locator("#raid-type").selectOption("DEPENDENCY");
        page.locator("#raid-due").fill("1800-01-01");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Add entry"))
                .click();
        assertThat(page.locator("#raid-title-error")).isVisible();
        assertAccessible("RAID log with field errors");
    }

    /** The Earned value page with an expense, a budget (over the forecast or not) and a refused expense. */
    private void earnedValueWithExpensesBudgetAndErrors(String base) {
        visit(base + "/earned-value");
        page.locator("#budget-amount").fill("1");
        page.locator("#budget-amount").press("Enter");
        assertThat(page.locator("#ev-budget-project")).isVisible();
        page.locator("#expense-date").fill("2026-01-05");
        page.locator("#expense-amount").fill("120.50");
        page.locator("#expense-note").fill("Train tickets");
        page.locator("#expense-note").press("Enter");
        assertThat(page.locator("#ev-expenses tbody tr")).hasCount(1);
        assertAccessible("earned value with an expense and a budget");
        page.locator("#expense-amount").fill("twelve");
        page.locator("#expense-amount").press("Enter");
        assertThat(page.locator("#expense-amount-error")).isVisible();
        assertAccessible("earned value with a refused expense");
        page.locator("#ev-expenses tbody tr a").first().click();
        assertThat(page.locator("#expense-amount")).hasValue("120.50");
        assertAccessible("earned value editing an expense");
    }

    /** The Expenses page with an expense and its receipt, and a refused receipt beside its field. */
    private void expensesWithAReceiptAndARefusedOne(String base) {
        visit(base + "/expenses");
        page.locator("#expense-date").fill("2026-01-06");
        page.locator("#expense-amount").fill("42");
        page.locator("#expense-note").fill("Taxi");
        page.locator("#expense-receipt")
                .setInputFiles(new com.microsoft.playwright.options.FilePayload(
                        "taxi.pdf",
                        "application/pdf",
                        "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        page.locator("#expense-note").press("Enter");
        assertThat(page.locator("#expense-table")).containsText("taxi.pdf");
        assertAccessible("expenses with a receipt");
        page.locator("#expense-amount").fill("5");
        page.locator("#expense-receipt")
                .setInputFiles(new com.microsoft.playwright.options.FilePayload(
                        "notes.pdf", "application/pdf", "words".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        page.locator("#expense-amount").press("Enter");
        assertThat(page.locator("#expense-receipt-error")).isVisible();
        assertAccessible("expenses with a refused receipt");
    }

    private void visit(String path) {
        page.navigate(path);
        assertAccessible(who);
    }

    private void listViewWithTaskPanelAndDeleteDialog(String base, boolean canDelete) {
        page.navigate(base + "/list");
        assertThat(page.locator("tr.task-row").first()).isVisible();
        assertAccessible("rows drawn");

        Locator summary = page.locator("tr.task-row.summary").first();
        summary.locator("td.c-wbs").click();
        page.keyboard().press(" ");
        assertThat(page.locator("#drawer [data-action=close-drawer]").first()).isVisible();
        assertAccessible("task panel of a summary");
        page.keyboard().press("Escape");

        Locator linked = page.locator("tr.task-row:not(.summary)").nth(2);
        linked.locator("td.c-wbs").click();
        page.keyboard().press(" ");
        assertThat(page.locator("#drawer #predecessors, #drawer #successors").first())
                .isVisible();
        assertAccessible("task panel with dependencies");
        page.keyboard().press("Escape");

        if (canDelete) {
            linked.locator("td.c-wbs").click();
            page.keyboard().press("Delete");
            Locator dialog = page.locator("dialog[open]");
            assertThat(dialog).isVisible();
            assertAccessible("delete dialog");
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel"))
                    .click();
            assertThat(page.locator("dialog[open]")).hasCount(0);
        }
    }

    private void ganttDrawn(String base, boolean canEdit) {
        page.navigate(base + "/gantt");
        assertThat(page.locator("#gantt")).hasAttribute("aria-busy", "false");
        assertThat(page.locator(".gantt-task").first()).isAttached();
        assertAccessible("drawn " + who);
        if (canEdit) {
            page.locator(".gantt-row:not(.is-summary) .gantt-name").first().dblclick();
            assertThat(page.locator("#gantt-task-dialog")).isVisible();
            assertAccessible("task dialog");
            page.keyboard().press("Escape");
            assertThat(page.locator("#gantt-task-dialog")).not().isVisible();
            // The levelling dialog with a preview of the demo plan shown.
            page.locator("#gantt-level").click();
            assertThat(page.locator("#gantt-level-dialog")).isVisible();
            page.locator("#gantt-level-preview").click();
            assertThat(page.locator("#gantt-level-summary")).containsText("Finish now");
            assertAccessible("levelling dialog");
            page.keyboard().press("Escape");
            assertThat(page.locator("#gantt-level-dialog")).not().isVisible();
        }
    }

    /** The Flow page with its charts drawn (or their empty states) and both tables opened. */
    private void flowDrawn(String base) {
        page.navigate(base + "/flow");
        if (page.locator("#cycle-chart").count() > 0) {
            assertThat(page.locator("#cycle-chart"))
                    .hasAttribute("data-points", java.util.regex.Pattern.compile("\\d+"));
        }
        if (page.locator("#flow-chart").count() > 0) {
            assertThat(page.locator("#flow-chart")).hasAttribute("data-days", java.util.regex.Pattern.compile("\\d+"));
        }
        assertAccessible("drawn " + who);
        for (Locator summary : page.locator("#flow-content details > summary").all()) {
            summary.click();
        }
        assertAccessible("tables open " + who);
    }

    /**
     * The Integrations page empty, with an outgoing webhook refused beside its fields and with the secret of a new
     * one shown, and that webhook's page with its (empty) delivery log.
     */
    private void integrationsWithAnErrorAndAWebhook(String base) {
        visit(base + "/integrations");
        page.locator("#add-outgoing-name").fill("Team chat");
        page.locator("#add-outgoing-form button[type=submit]").click();
        assertThat(page.locator("#add-outgoing-problem")).isVisible();
        assertAccessible("integrations with an outgoing webhook refused");
        page.locator("#add-outgoing-url").fill("https://chat.example.com/hooks/T0K3N");
        // Off: the later steps change the demo's tasks, and nothing should be sent out of the test.
        page.locator("#add-outgoing-active").uncheck();
        page.locator("#add-outgoing-form button[type=submit]").click();
        assertThat(page.locator("#shown-secret")).isVisible();
        assertAccessible("integrations with a secret shown once");
        page.locator("#outgoing-table tbody tr th a").first().click();
        page.waitForURL("**/integrations/outgoing/*");
        assertThat(page.locator("#log-count")).containsText("Nothing sent yet");
        assertAccessible("an outgoing webhook's page");
    }

    /** The Delivery page (no signals in the demo: its tiles say so) with "How these are counted" open. */
    private void deliveryWithDefinitions(String base) {
        visit(base + "/delivery");
        page.locator("#delivery-definitions > summary").click();
        assertAccessible("definitions open " + who);
    }

    private void calendarDrawn(String base) {
        page.navigate(base + "/calendar");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        assertAccessible("drawn " + who);
        page.locator(".cal-bar").first().click();
        assertThat(page.locator("#cal-popover")).isVisible();
        assertAccessible("task popover " + who);
        page.keyboard().press("Escape");
        assertThat(page.locator("#cal-popover")).isHidden();
    }

    private void tokenAndPasswordErrors() {
        visit("/account/tokens");
        page.locator("#token-form input[name=name]").fill("laptop");
        page.locator("#token-form input[type=password]").fill("not the password");
        page.locator("#token-form button[type=submit]").click();
        assertThat(page.getByRole(AriaRole.ALERT).first()).isVisible();
        assertAccessible("wrong password");

        visit("/account/password");
        page.locator("#current-password").fill("not the password");
        page.locator("#new-password").fill("password");
        page.locator("#password-form button[type=submit]").click();
        assertThat(page.locator(".field-error").first()).isVisible();
        assertAccessible("validation error");
        assertThat(page.url()).contains("/account/password");
        // The control says it is invalid, and the error is read out with it.
        Locator invalid = page.locator(".field.invalid input").first();
        assertThat(invalid).hasAttribute("aria-invalid", "true");
        assertThat(invalid)
                .hasAccessibleDescription(page.locator(".field.invalid .field-error")
                        .first()
                        .textContent()
                        .strip());
    }
}
