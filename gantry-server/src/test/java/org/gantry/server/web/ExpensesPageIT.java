package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Expenses page: a member records an expense with its receipt from the keyboard and sees only their own; the
 * manager sees everyone's, downloads the receipt and the CSV; a refused receipt records nothing.
 */
class ExpensesPageIT extends BrowserTest {

    private static final byte[] PDF =
            ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                    .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    JdbcClient jdbc;

    private long expenses(Project project) {
        return jdbc.sql("select count(*) from expense where project_id = ?")
                .params(project.id())
                .query(Long.class)
                .single();
    }

    @Test
    void aMemberRecordsAnExpenseWithItsReceiptAndTheManagerDownloadsTheCsv() {
        Person mia = invite("Mia Member");
        Person max = invite("Max Manager");
        Person tom = invite("Tom Member");
        Project project = projectWith(mia, ProjectRole.MEMBER);
        projects.addMember(admin(), project.key(), new NewMember(max.user().id(), null, ProjectRole.MANAGER));
        projects.addMember(admin(), project.key(), new NewMember(tom.user().id(), null, ProjectRole.MEMBER));
        jdbc.sql("insert into task (project_id, position, outline_path, name, status) values (?, 1, ?, 'Site visit',"
                        + " 'todo')")
                .params(project.id(), new Integer[] {1})
                .update();
        jdbc.sql("insert into expense (project_id, user_id, expense_date, amount, note) values (?, ?, '2026-03-02',"
                        + " 75, 'Tom''s taxi')")
                .params(project.id(), tom.user().id())
                .update();

        logIn(mia);
        page.navigate("/projects/" + project.key());
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Expenses").setExact(true))
                .click();
        page.waitForURL("**/projects/" + project.key() + "/expenses");
        assertThat(page.locator("#expenses-heading")).hasText("My expenses");
        // Tom's taxi is not Mia's business.
        assertThat(page.locator("#no-expenses")).isVisible();

        // A text file is not a receipt: nothing is recorded, the typed values stay, the message is beside the field.
        page.locator("#expense-date").fill("2026-03-03");
        page.locator("#expense-amount").focus();
        page.keyboard().type("120.50");
        page.keyboard().press("Tab");
        page.keyboard().press("ArrowDown"); // the first task: 1 Site visit
        page.keyboard().press("Tab");
        page.keyboard().type("Train to the site");
        page.locator("#expense-receipt")
                .setInputFiles(
                        new FilePayload("notes.pdf", "application/pdf", "only words".getBytes(StandardCharsets.UTF_8)));
        page.locator("#expense-note").press("Enter");
        assertThat(page.locator("#expense-receipt-error")).containsText("must be a PDF or an image");
        assertThat(page.locator("#expense-amount")).hasValue("120.50");
        assertThat(page.locator("#expense-note")).hasValue("Train to the site");
        org.assertj.core.api.Assertions.assertThat(expenses(project)).isEqualTo(1);
        assertAccessible("expenses with a refused receipt");

        page.locator("#expense-receipt").setInputFiles(new FilePayload("ticket.pdf", "application/pdf", PDF));
        page.locator("#expense-note").press("Enter");
        assertThat(page.locator("#expense-notice")).hasText("Expense of 120.50 added with its receipt.");
        assertThat(page.locator("#expense-table tbody tr")).hasCount(1);
        assertThat(page.locator("#expense-table tbody tr").first()).containsText("Site visit");
        assertThat(page.locator("#expense-table tbody tr").first()).containsText("ticket.pdf");
        assertThat(page.locator("#expense-total")).hasText("120.50");
        assertAccessible("expenses with a receipt");

        forgetSession();
        logIn(max);
        page.navigate("/projects/" + project.key() + "/expenses");
        assertThat(page.locator("#expenses-heading")).hasText("Expenses");
        assertThat(page.locator("#expense-table tbody tr")).hasCount(2);
        assertThat(page.locator("#expense-total")).hasText("195.50");
        String receiptUrl = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Receipt ticket.pdf"))
                .getAttribute("href");
        APIResponse receipt = context.request().get(receiptUrl);
        org.assertj.core.api.Assertions.assertThat(receipt.status()).isEqualTo(200);
        org.assertj.core.api.Assertions.assertThat(receipt.body()).isEqualTo(PDF);
        APIResponse csv = context.request().get(page.locator("#expenses-csv").getAttribute("href"));
        org.assertj.core.api.Assertions.assertThat(csv.status()).isEqualTo(200);
        String currency = jdbc.sql("select currency from project where id = ?")
                .params(project.id())
                .query(String.class)
                .single();
        org.assertj.core.api.Assertions.assertThat(csv.text())
                .isEqualTo("Date,Person,Task,Amount,Currency,Note,Receipt\r\n"
                        + "2026-03-02,Tom Member,,75.00," + currency + ",Tom's taxi,\r\n"
                        + "2026-03-03,Mia Member,Site visit,120.50," + currency + ",Train to the site,ticket.pdf\r\n"
                        + "Total,,,195.50," + currency + ",,\r\n");
    }
}
