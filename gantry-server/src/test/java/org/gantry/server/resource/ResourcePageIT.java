package org.gantry.server.resource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.Locale;
import java.util.UUID;
import org.gantry.interchange.PlanCalendar;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.identity.Invitation;
import org.gantry.server.identity.NewUser;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.NewProject;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.shared.StoredCalendars;
import org.gantry.server.web.BrowserTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Resources page in headless Chromium: reached from the project's tabs, one row per resource with its
 * kind, maximum units, rates, calendar and assigned work; a stakeholder reads it too.
 */
class ResourcePageIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
    }

    private CurrentUser admin() {
        var admin = users.findByEmail(ADMIN_EMAIL).orElseThrow();
        return new CurrentUser(admin.id(), admin.email(), admin.name(), true);
    }

    private Project projectWithResources() {
        Project project = projects.create(
                admin(), new NewProject("RS" + unique(), "Bridge repair", null, null, null, "USD", null));
        long task = jdbc.sql("insert into task (project_id, position, outline_path, name, status) values"
                        + " (?, 1, '{1}', 'Pour the deck', 'todo') returning id")
                .params(project.id())
                .query(Long.class)
                .single();
        jdbc.sql(
                        "insert into project_calendar (project_id, calendar_key, name, definition) values (?, '3', 'Night shift', ?::jsonb)")
                .params(project.id(), StoredCalendars.write(PlanCalendar.standard("3", "Night shift")))
                .update();
        long welder = jdbc.sql(
                        "insert into resource (project_id, name, kind, max_units, standard_rate, standard_rate_per,"
                                + " overtime_rate, overtime_rate_per, cost_per_use, calendar_key) values"
                                + " (?, 'Welder', 'WORK', 200, 45, 'HOURS', 67.5, 'HOURS', 30, '3') returning id")
                .params(project.id())
                .query(Long.class)
                .single();
        jdbc.sql("insert into resource (project_id, name, kind, material_label, standard_rate, standard_rate_per)"
                        + " values (?, 'Concrete', 'MATERIAL', 'm3', 120, 'HOURS')")
                .params(project.id())
                .update();
        jdbc.sql(
                        "insert into assignment (project_id, task_id, resource_id, units, work_minutes) values (?, ?, ?, 200, 2880)")
                .params(project.id(), task, welder)
                .update();
        return project;
    }

    private void logIn(String email, String password) {
        page.navigate("/login");
        page.getByLabel("E-mail").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        waitForLanding(page);
    }

    @Test
    void theResourcesTabListsEachResourceWithItsRatesCalendarAndWork() {
        Project project = projectWithResources();
        logIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/projects/" + project.key() + "/list");
        page.locator(".tabs")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Resources"))
                .click();
        page.waitForURL("**/projects/" + project.key() + "/resources");

        assertThat(page.locator("#resource-count")).hasText("2 resources with 48 h of assigned work.");
        Locator welder = page.locator("#resource-table tbody tr").nth(0);
        assertThat(welder.locator("th")).hasText("Welder");
        assertThat(welder.locator("td")).containsText(new String[] {
            "Work", "200 %", "45.00 USD/h", "67.50 USD/h", "30.00 USD", "Night shift", "1", "48 h"
        });
        Locator concrete = page.locator("#resource-table tbody tr").nth(1);
        assertThat(concrete.locator("td").nth(0)).hasText("Material (m3)");
        assertThat(concrete.locator("td").nth(5)).hasText("Project calendar");

        welder.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Welder"))
                .click();
        page.waitForURL("**/projects/" + project.key() + "/resources/*");
        assertThat(page.locator("#resource-facts")).containsText("45.00 USD/h");
        Locator assignment = page.locator("#resource-assignments tbody tr");
        assertThat(assignment).hasCount(1);
        assertThat(assignment.locator("td")).containsText(new String[] {"1", "Pour the deck", "200 %", "48 h"});
    }

    @Test
    void aManagerChangesARateInTheRowAndIsToldOfWrongNumbersAndOfSomeoneElsesChange() {
        Project project = projectWithResources();
        logIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/projects/" + project.key() + "/resources");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit Welder"))
                .click();
        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Edit Welder"));
        assertThat(form.getByLabel("Name")).isFocused();
        form.getByLabel("Standard rate (per hour)").fill("lots");
        form.getByLabel("Max units (%)").fill("150");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save resource"))
                .click();
        assertThat(form.locator(".field-error")).hasText("'lots' is not a number; write it like 45 or 67.50.");

        form.getByLabel("Standard rate (per hour)").fill("52.5");
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save resource"))
                .click();
        Locator welder = page.locator("#resource-table tbody tr").nth(0);
        assertThat(welder.locator("td")).containsText(new String[] {"150 %", "52.50 USD/h", "67.50 USD/h"});
        assertThat(welder).containsText("Saved.");

        // Someone else renames the welder while the form is open: the form shows their change.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit Welder"))
                .click();
        Locator again = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Edit Welder"));
        assertThat(again.getByLabel("Cost per use")).hasValue("30");
        jdbc.sql(
                        "update resource set name = 'Senior welder', version = version + 1 where project_id = ? and name = 'Welder'")
                .params(project.id())
                .update();
        again.getByLabel("Cost per use").fill("35");
        again.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save resource"))
                .click();
        Locator current = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Edit Senior welder"));
        assertThat(current.getByRole(AriaRole.ALERT)).containsText("Someone else changed this resource");
        assertThat(current.getByRole(AriaRole.ALERT)).containsText("cost per use 35");
        assertThat(current.getByLabel("Name")).hasValue("Senior welder");
        assertThat(current.getByLabel("Cost per use")).hasValue("30");
    }

    @Test
    void theTaskDetailPanelShowsTheResourcesAssignedToTheTask() {
        Project project = projectWithResources();
        logIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/projects/" + project.key() + "/list");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open Pour the deck"))
                .click();

        Locator assignments = page.locator("#drawer #task-assignments tbody tr");
        assertThat(assignments).hasCount(1);
        assertThat(assignments.locator("td")).containsText(new String[] {"Welder", "200 %", "48 h"});
    }

    @Test
    void aStakeholderReadsTheResourcesAndMayExportButNotImport() {
        Project project = projectWithResources();
        Invitation invitation = users.invite(
                admin(),
                new NewUser("sponsor." + unique().toLowerCase(Locale.ROOT) + "@example.test", "Sponsor", false));
        projects.addMember(
                admin(), project.key(), new NewMember(invitation.user().id(), null, ProjectRole.STAKEHOLDER));
        Person person = withOwnPassword(invitation);
        logIn(person.user().email(), person.password());

        page.navigate("/projects/" + project.key() + "/resources");
        assertThat(page.locator("#resource-table tbody tr")).hasCount(2);
        // Rates are money: a stakeholder sees the resources but not what they cost.
        assertThat(page.locator("#resource-table thead")).not().containsText("Standard rate");
        assertThat(page.locator("#resource-table")).not().containsText("45.00");
        assertThat(page.locator("#rates-hidden")).isVisible();
        assertThat(page.locator("#export-menu")).isVisible();
        assertThat(page.locator("#import-into-project")).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit Welder")))
                .hasCount(0);

        // Typing the import address anyway: refused in words, and nothing to upload.
        com.microsoft.playwright.Response refused = page.navigate("/projects/" + project.key() + "/import");
        org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(403);
        assertThat(page.locator("main")).containsText("(stakeholder) does not allow this");
        assertThat(page.getByLabel("Project file")).hasCount(0);
        consoleErrors.removeIf(error -> error.contains("status of 403"));
    }

    @Test
    void someoneOutsideTheProjectFindsNoResourcesPage() {
        Project project = projectWithResources();
        Invitation invitation = users.invite(
                admin(),
                new NewUser("outsider." + unique().toLowerCase(Locale.ROOT) + "@example.test", "Outsider", false));
        Person person = withOwnPassword(invitation);
        logIn(person.user().email(), person.password());

        com.microsoft.playwright.Response response = page.navigate("/projects/" + project.key() + "/resources");
        org.assertj.core.api.Assertions.assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("main")).containsText("There is no project " + project.key());
        assertThat(page.locator("main")).not().containsText("Welder");
        consoleErrors.removeIf(error -> error.contains("status of 404"));
    }

    @Test
    void aProjectWithoutResourcesSaysWhereTheyComeFrom() {
        Project project =
                projects.create(admin(), new NewProject("RE" + unique(), "Empty", null, null, null, null, null));
        logIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/projects/" + project.key() + "/resources");
        assertThat(page.locator("#no-resources")).containsText("no resources yet");
        page.locator("#no-resources").getByRole(AriaRole.LINK).click();
        page.waitForURL("**/projects/" + project.key() + "/import");
    }
}
