package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Expenses, the budget and fixed costs on the pages, with the keyboard. The project of
 * {@link EarnedValuePageIT}: X (2026-03-02 to 03-06, budget 1,000, 40 % done), Y (the next week, 500); 8 h
 * approved at 50 an hour on X; status date Wednesday 2026-03-04: PV 600, EV 400, AC 400. An expense of 150
 * on Tuesday makes AC 550 (and EAC = 1,500 x 550 / 400 = 2,062.50); a budget of 2,000 is then exceeded by the
 * forecast: the over-budget warning shows, with remaining 2,000 - 550 = 1,450.
 */
class CostsPageIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private long task(Project project, int position, String name, int percent, String start, String finish, int cost) {
        long id = jdbc.sql("insert into task (project_id, position, outline_path, name, status, percent_complete)"
                        + " values (?, ?, ?, ?, 'todo', ?) returning id")
                .params(project.id(), position, new Integer[] {position}, name, percent)
                .query(Long.class)
                .single();
        jdbc.sql("insert into task_baseline (task_id, project_id, slot, start_at, finish_at, duration_minutes, cost)"
                        + " values (?, ?, 0, ?, ?, 2400, ?)")
                .params(
                        id,
                        project.id(),
                        LocalDate.parse(start).atTime(8, 0),
                        LocalDate.parse(finish).atTime(17, 0),
                        cost)
                .update();
        return id;
    }

    @Test
    void anOwnerAddsAnExpenseWithTheKeyboardAndSeesTheActualCostAndTheBudgetChange() {
        Person owner = invite("Olga Owner");
        Project project = projectWith(owner, ProjectRole.OWNER);
        long x = task(project, 1, "Excavate", 40, "2026-03-02", "2026-03-06", 1000);
        task(project, 2, "Yard", 0, "2026-03-09", "2026-03-13", 500);
        jdbc.sql("update project set status_date = '2026-03-04 17:00' where id = ?")
                .params(project.id())
                .update();
        jdbc.sql("insert into resource (project_id, name, kind, user_id, standard_rate, standard_rate_per)"
                        + " values (?, 'Olga', 'WORK', ?, 50, 'HOURS')")
                .params(project.id(), owner.user().id())
                .update();
        for (String day : List.of("2026-03-02", "2026-03-03")) {
            jdbc.sql("insert into time_entry (project_id, task_id, user_id, entry_date, minutes, state)"
                            + " values (?, ?, ?, ?, 240, 'APPROVED')")
                    .params(project.id(), x, owner.user().id(), LocalDate.parse(day))
                    .update();
        }

        logIn(owner);
        page.navigate("/projects/" + project.key() + "/earned-value");
        assertThat(page.locator("#ev-actual-cost")).hasText("400.00");
        assertThat(page.locator("#ev-no-expenses")).isVisible();

        // A refused amount: the message is beside the field, the typed values stay.
        // Tab inside a date field moves between its day, month and year: the amount is reached directly.
        page.locator("#expense-date").fill("2026-03-03");
        page.locator("#expense-amount").focus();
        page.keyboard().type("-5");
        page.keyboard().press("Enter");
        assertThat(page.locator("#expense-amount-error")).hasText("Amount must be more than 0");
        assertThat(page.locator("#expense-amount")).hasValue("-5");
        assertThat(page.locator("#expense-amount")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#expense-date")).hasValue("2026-03-03");
        assertAccessible("earned value with a refused expense");

        page.locator("#expense-amount").fill("");
        page.locator("#expense-amount").focus();
        page.keyboard().type("150");
        page.keyboard().press("Tab");
        page.keyboard().press("ArrowDown");
        page.keyboard().press("Tab");
        page.keyboard().type("Survey drone");
        page.keyboard().press("Enter");

        assertThat(page.locator("#ev-expense-notice")).hasText("Expense of 150.00 added.");
        assertThat(page.locator("#ev-actual-cost")).hasText("550.00");
        assertThat(page.locator("#ev-expenses tbody tr")).hasCount(1);
        assertThat(page.locator("#ev-expenses tbody tr").first()).containsText("Survey drone");
        assertThat(page.locator("#ev-expenses tbody tr").first()).containsText("Excavate");
        assertThat(page.locator("#ev-eac")).hasText("2,062.50");

        // The project's budget: 2,000 is less than the forecast.
        page.locator("#budget-amount").fill("2000");
        page.locator("#budget-amount").press("Enter");
        // The notice comes only with the page the save leads to: a live refresh of the page the form was
        // sent from shows the new budget too, and an Edit clicked there would race the save's navigation.
        assertThat(page.locator("#ev-budget-notice")).hasText("Project budget saved.");
        assertThat(page.locator("#ev-budget-project")).containsText("1,450.00");
        assertThat(page.locator("#ev-budget-project .budget-state"))
                .hasText("Over budget: forecast exceeds the budget");
        assertAccessible("earned value with an expense and a budget exceeded");

        // Edit the expense: its values come into the form; saving changes AC.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit expense of 2026-03-03, 150.00"))
                .click();
        assertThat(page.locator("#expense-amount")).hasValue("150.00");
        page.locator("#expense-amount").fill("100");
        page.locator("#expense-amount").press("Enter");
        assertThat(page.locator("#ev-expense-notice")).hasText("Expense changed.");
        assertThat(page.locator("#ev-actual-cost")).hasText("500.00");
        assertThat(page.locator("#ev-budget-project")).containsText("1,500.00");
    }

    @Test
    void anOwnerSetsAFixedCostInTheTaskPanelAndAMemberDoesNotSeeIt() {
        Person owner = invite("Fay Owner");
        Project project = projectWith(owner, ProjectRole.OWNER);
        long task = task(project, 1, "Permit", 0, "2026-03-02", "2026-03-06", 0);
        logIn(owner);
        page.navigate("/projects/" + project.key() + "/list");
        page.locator("tr.task-row td.c-wbs").first().click();
        page.keyboard().press(" ");
        assertThat(page.locator("#d-fixed-cost")).isVisible();
        page.locator("#d-fixed-cost").fill("12.345");
        page.locator("#d-fixed-cost").press("Enter");
        assertThat(page.locator("#d-fixed-cost-error")).hasText("Fixed cost must have at most two decimals");
        page.locator("#d-fixed-cost").fill("1200");
        page.locator("#d-fixed-cost-accrual").selectOption("END");
        page.locator("#d-fixed-cost-accrual").press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.locator("#task-fixed-cost")).containsText("Fixed cost saved.");
        org.assertj.core.api.Assertions.assertThat(
                        jdbc.sql("select fixed_cost || ' ' || fixed_cost_accrual from task where id = ?")
                                .params(task)
                                .query(String.class)
                                .single())
                .isEqualTo("1200.0000 END");

        Person member = invite("Mo Member");
        projects.addMember(
                admin(),
                project.key(),
                new org.gantry.server.project.NewMember(member.user().id(), null, ProjectRole.MEMBER));
        forgetSession();
        logIn(member);
        page.navigate("/projects/" + project.key() + "/list");
        page.locator("tr.task-row td.c-wbs").first().click();
        page.keyboard().press(" ");
        assertThat(page.locator("#drawer h2")).hasText("Permit");
        assertThat(page.locator("#task-fixed-cost")).hasCount(0);
    }
}
