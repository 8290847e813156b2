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

/**
 * The timesheet grid: fill a week, a refused cell saves nothing, add a row, Enter saves, clearing deletes; a
 * cell's details (note, activity type, billable) edited by keyboard and read back through the API and the
 * hours by activity type.
 */
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

    private long activityType(Project project, String name, boolean billable) {
        return jdbc.sql("insert into time_activity_type (project_id, name, billable) values (?, ?, ?) returning id")
                .params(project.id(), name, billable)
                .query(Long.class)
                .single();
    }

    @Test
    void aMemberWritesANoteChoosesAnActivityAndMarksACellNotBillableByKeyboard() throws Exception {
        Person nina = invite("Nina Notes");
        Person mia = invite("Mia Manager");
        Project project = projectWith(nina, ProjectRole.MEMBER);
        projects.addMember(
                admin(),
                project.key(),
                new org.gantry.server.project.NewMember(mia.user().id(), null, ProjectRole.MANAGER));
        long build = task(project, 1, "Build");
        long development = activityType(project, "Development", true);
        long meetings = activityType(project, "Meetings", true);
        jdbc.sql("insert into task_assignee (task_id, user_id) values (?, ?)")
                .params(build, nina.user().id())
                .update();

        logIn(nina);
        page.navigate("/timesheet?week=2026-03-04");
        page.getByLabel("Build, Monday 2 March").fill("2");
        page.getByLabel("Build, Tuesday 3 March").fill("1:30");
        // From the Tuesday cell, Tab reaches its details button; Enter opens it, Tab walks its fields.
        page.getByLabel("Build, Tuesday 3 March").press("Tab");
        assertThat(page.getByLabel("Details for Build on Tuesday 3 March")).isFocused();
        page.keyboard().press("Enter");
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Note for Build on Tuesday 3 March")).isFocused();
        page.keyboard().type("Sprint review with the client");
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Activity for Build on Tuesday 3 March")).isFocused();
        page.getByLabel("Activity for Build on Tuesday 3 March")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Meetings"));
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Billable for Build on Tuesday 3 March")).isFocused();
        page.getByLabel("Billable for Build on Tuesday 3 March")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Not billable"));
        assertAccessible("timesheet with a cell's details open");
        page.keyboard().press("Escape");
        assertThat(page.getByLabel("Details for Build on Tuesday 3 March")).isFocused();
        // Monday: development, billable as its type says.
        page.getByLabel("Details for Build on Monday 2 March").press("Enter");
        page.getByLabel("Activity for Build on Monday 2 March")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Development"));
        page.getByLabel("Note for Build on Monday 2 March").fill("Parser");
        page.getByLabel("Note for Build on Monday 2 March").press("Enter");
        assertThat(page.locator("#timesheet-saved")).containsText("saved");
        assertThat(page.locator("#week-total")).hasText("3.5");

        // Read back through the API, as the member's own entries.
        com.microsoft.playwright.APIResponse read = context.request()
                .get("/api/v1/time-entries?project=" + project.key() + "&from=2026-03-02&to=2026-03-08");
        org.assertj.core.api.Assertions.assertThat(read.status()).isEqualTo(200);
        tools.jackson.databind.JsonNode items = tools.jackson.databind.json.JsonMapper.shared()
                .readTree(read.text())
                .get("items");
        org.assertj.core.api.Assertions.assertThat(items).hasSize(2);
        tools.jackson.databind.JsonNode monday = items.get(0);
        tools.jackson.databind.JsonNode tuesday = items.get(1);
        org.assertj.core.api.Assertions.assertThat(monday.get("date").asString())
                .isEqualTo("2026-03-02");
        org.assertj.core.api.Assertions.assertThat(monday.get("minutes").asInt())
                .isEqualTo(120);
        org.assertj.core.api.Assertions.assertThat(monday.get("note").asString())
                .isEqualTo("Parser");
        org.assertj.core.api.Assertions.assertThat(monday.get("activityTypeId").asLong())
                .isEqualTo(development);
        org.assertj.core.api.Assertions.assertThat(monday.get("billable").asBoolean())
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(tuesday.get("minutes").asInt())
                .isEqualTo(90);
        org.assertj.core.api.Assertions.assertThat(tuesday.get("note").asString())
                .isEqualTo("Sprint review with the client");
        org.assertj.core.api.Assertions.assertThat(tuesday.get("activityTypeId").asLong())
                .isEqualTo(meetings);
        org.assertj.core.api.Assertions.assertThat(tuesday.get("billable").asBoolean())
                .isFalse();

        // The grid shows the details again after the reload; a changed note on a stored entry is saved too.
        assertThat(page.getByLabel("Note for Build on Tuesday 3 March")).hasValue("Sprint review with the client");
        assertThat(page.getByLabel("Billable for Build on Tuesday 3 March")).hasValue("no");
        assertThat(page.getByLabel("Activity for Build on Tuesday 3 March")).hasValue(String.valueOf(meetings));
        page.getByLabel("Details for Build on Monday 2 March").press("Enter");
        page.getByLabel("Note for Build on Monday 2 March").fill("Parser and lexer");
        page.getByLabel("Note for Build on Monday 2 March").press("Enter");
        assertThat(page.locator("#timesheet-saved")).isVisible();
        org.assertj.core.api.Assertions.assertThat(
                        jdbc.sql("select note from time_entry where task_id = ? and entry_date = ?")
                                .params(build, java.time.LocalDate.of(2026, 3, 2))
                                .query(String.class)
                                .single())
                .isEqualTo("Parser and lexer");

        // The manager's hours by activity type: 2 h development (billable), 1.5 h meetings (not billable).
        forgetSession();
        logIn(mia);
        page.navigate("/projects/" + project.key() + "/timesheets?by=activity&from=2026-03-02&to=2026-03-08");
        Locator table = page.locator("#hours-table");
        assertThat(table.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("Development")))
                .containsText("2");
        assertThat(page.locator("#hours-total")).hasText("3.5");
        tools.jackson.databind.JsonNode report = tools.jackson.databind.json.JsonMapper.shared()
                .readTree(context.request()
                        .get("/api/v1/projects/" + project.key()
                                + "/time-report?by=activity&from=2026-03-02&to=2026-03-08")
                        .text());
        java.util.Map<String, Double> billableByActivity = new java.util.TreeMap<>();
        java.util.Map<String, Double> hoursByActivity = new java.util.TreeMap<>();
        report.get("lines").forEach(line -> {
            hoursByActivity.put(line.get("label").asString(), line.get("hours").asDouble());
            billableByActivity.put(
                    line.get("label").asString(), line.get("billableHours").asDouble());
        });
        org.assertj.core.api.Assertions.assertThat(hoursByActivity)
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("Development", 2.0, "Meetings", 1.5));
        org.assertj.core.api.Assertions.assertThat(billableByActivity)
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("Development", 2.0, "Meetings", 0.0));
    }
}
