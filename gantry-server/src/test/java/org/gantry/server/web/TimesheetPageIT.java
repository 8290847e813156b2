package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The timesheet grid: fill a week, a refused cell saves nothing, add a row, Enter saves, clearing deletes. */
class TimesheetPageIT extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private long task(Project project, int position, String name) {
        return jdbc.sql(
                        "insert into task (project_id, position, outline_path, name, status) values (?, ?, ?, ?, 'todo')"
                                + " returning id")
                .params(project.id(), position, new Integer[] {position}, name)
                .query(Long.class)
                .single();
    }

    private long minutesLogged(Person person) {
        return jdbc.sql("select coalesce(sum(minutes), 0) from time_entry where user_id = ?")
                .params(person.user().id())
                .query(Long.class)
                .single();
    }

    @Test
    void aMemberFillsTheirWeekAndFixesWhatCouldNotBeRead() {
        Person tom = invite("Tom Timekeeper");
        Project project = projectWith(tom, ProjectRole.MEMBER);
        long design = task(project, 1, "Design");
        long review = task(project, 2, "Review");
        jdbc.sql("insert into task_assignee (task_id, user_id) values (?, ?)")
                .params(design, tom.user().id())
                .update();

        logIn(tom);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Timesheet"))
                .click();
        page.waitForURL("**/timesheet");
        page.navigate("/timesheet?week=2026-03-04");
        assertThat(page.locator("h1 + p")).containsText("Monday 2 March 2026");
        Locator designRow = page.locator("#row-" + design);
        assertThat(designRow).containsText("Design");

        page.getByLabel("Design, Monday 2 March").fill("1.5");
        page.getByLabel("Design, Tuesday 3 March").fill("1:30");
        page.getByLabel("Design, Wednesday 4 March").fill("lots");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save week"))
                .click();

        assertThat(page.locator("#timesheet-refused")).containsText("Nothing was saved");
        assertThat(page.getByLabel("Design, Wednesday 4 March")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByLabel("Design, Monday 2 March")).hasValue("1.5");
        org.assertj.core.api.Assertions.assertThat(minutesLogged(tom)).isZero();
        assertAccessible("timesheet with a refused cell");

        page.getByLabel("Design, Wednesday 4 March").fill("2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save week"))
                .click();
        assertThat(page.locator("#timesheet-saved")).containsText("saved");
        assertThat(designRow.locator(".row-total")).hasText("5");
        assertThat(page.locator("#week-total")).hasText("5");
        org.assertj.core.api.Assertions.assertThat(minutesLogged(tom)).isEqualTo(90 + 90 + 120);

        page.getByLabel("Task", new Page.GetByLabelOptions().setExact(true)).selectOption(String.valueOf(review));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add row"))
                .click();
        Locator reviewInput = page.getByLabel("Review, Thursday 5 March");
        reviewInput.fill("0.5");
        reviewInput.press("Enter");
        assertThat(page.locator("#timesheet-saved")).isVisible();
        assertThat(page.locator("#week-total")).hasText("5.5");

        page.getByLabel("Design, Monday 2 March").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save week"))
                .click();
        assertThat(page.locator("#week-total")).hasText("4");
        org.assertj.core.api.Assertions.assertThat(minutesLogged(tom)).isEqualTo(90 + 120 + 30);
        assertAccessible("timesheet saved");
    }
}
