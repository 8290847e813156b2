package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import org.gantry.server.project.NewProject;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 12's flow in headless Chromium, as a project manager and a team member do it: the manager adds a
 * contractor and a test rig on the Resources page, the member enters a vacation on "My time off" (and
 * their task moves around it), the manager puts the rig on a task at 50 % and sees duration and work follow
 * the task type, puts the member on a second task at 50 %, and the workload shows the member over-allocated
 * in words and colour, with the tasks behind the number one click away. All by keyboard-usable controls,
 * with no console error and no serious axe-core violation.
 */
class WorkloadPageIT extends BrowserTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Autowired
    TaskService tasks;

    @Test
    void aManagerStaffsTasksAroundAVacationAndSeesTheOverAllocation() {
        Person ben = invite("Ben Builder");
        Project project =
                projects.create(admin(), new NewProject("W" + unique(), "Lab move", null, MONDAY, null, null, null));
        projects.addMember(
                admin(),
                project.key(),
                new org.gantry.server.project.NewMember(ben.user().id(), null, ProjectRole.MEMBER));
        Task wire = tasks.create(
                admin(),
                project.key(),
                task("Wire racks", "5d", List.of(ben.user().id())));
        Task review = tasks.create(admin(), project.key(), task("Review racks", "5d", List.of()));
        Task soak = tasks.create(admin(), project.key(), task("Soak test", "4d", List.of()));

        // The member enters a vacation on Tuesday: their task skips it and ends a working day later.
        logIn(ben);
        page.navigate("/time-off");
        page.getByLabel("First day").fill("2026-03-03");
        page.getByLabel("Last day").fill("2026-03-03");
        page.getByLabel("Note").fill("Dentist");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enter time off"))
                .click();
        assertThat(page.locator("#flash")).containsText("Vacation 2026-03-03 (Dentist) entered");
        assertThat(page.locator("#time-off-list")).containsText("Vacation 2026-03-03");
        assertAccessible("time off entered");
        forgetSession();

        logInAsAdmin();
        page.navigate("/projects/" + project.key() + "/tasks/" + wire.id() + "/assignments");
        assertThat(page.locator("#task-finish")).containsText("Mon 09 Mar 2026 17:00");
        assertThat(page.locator("#assignment-table")).containsText("Ben Builder");

        // A contractor and a rig, from the Resources page.
        page.navigate("/projects/" + project.key() + "/resources");
        addResource("Dana Contractor", "backend");
        addResource("Test rig", "lab");
        assertThat(page.locator("#resource-table")).containsText("Dana Contractor");
        assertThat(page.locator("#resource-table")).containsText("Ben Builder");

        // The rig at 50 % on the 4-day soak test: 16 h of work, the duration stays.
        page.navigate("/projects/" + project.key() + "/tasks/" + soak.id() + "/assignments");
        assign("Test rig", "50");
        assertThat(page.locator("#flash")).containsText("Test rig assigned at 50 %, 16 h.");
        assertThat(page.locator("#task-duration")).containsText("4.00 d");
        assertThat(page.locator("#task-work")).hasText("16.0 h");
        // Fixed units: full time on the same work halves the duration.
        Locator rig = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Change Test rig"));
        rig.getByLabel("Units %").fill("100");
        rig.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.locator("#task-duration")).containsText("2.00 d");
        assertThat(page.locator("#task-work")).hasText("16.0 h");
        // Fixed duration: the 2 days stay, half the units is half the work.
        page.getByLabel("Task type", new Page.GetByLabelOptions().setExact(true))
                .selectOption("FIXED_DURATION");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set type"))
                .click();
        assertThat(page.locator("#task-type")).hasText("Fixed duration");
        rig = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Change Test rig"));
        rig.getByLabel("Units %").fill("50");
        rig.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.locator("#task-duration")).containsText("2.00 d");
        assertThat(page.locator("#task-work")).hasText("8.0 h");
        assertAccessible("assignment changed");

        // Effort driven, with the keyboard: a crane joining at 50 % takes half of the rig's 8 h, and as the 2 days
        // stay both work a quarter of their time (Microsoft Project's fixed-duration, effort-driven rule).
        page.navigate("/projects/" + project.key() + "/resources");
        addResource("Crane", "site");
        page.navigate("/projects/" + project.key() + "/tasks/" + soak.id() + "/assignments");
        page.locator("#effort-driven").focus();
        page.keyboard().press("Space");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        assertThat(page.locator("#task-type")).hasText("Fixed duration, effort driven");
        assertThat(page.locator("#effort-driven")).isChecked();
        assign("Crane", "50");
        assertThat(page.locator("#flash")).containsText("Crane assigned at 25 %, 4 h.");
        assertThat(page.locator("#assignment-table tbody tr", new Page.LocatorOptions().setHasText("Test rig")))
                .containsText("25 %");
        assertThat(page.locator("#task-work")).hasText("8.0 h");
        assertThat(page.locator("#task-duration")).containsText("2.00 d");
        assertAccessible("an effort-driven task staffed");

        // Ben at 50 % on a second task of the same week: 150 % on the days he works.
        page.navigate("/projects/" + project.key() + "/tasks/" + review.id() + "/assignments");
        assign("Ben Builder", "50");
        assertThat(page.locator("#flash")).containsText("Ben Builder assigned at 50 %, 20 h.");

        page.navigate("/workload?from=2026-03-02&scale=WEEK&periods=3");
        Locator benRow = page.locator("tbody.workload-row", new Page.LocatorOptions().setHasText("Ben Builder"));
        Locator firstWeek = benRow.locator("tr.workload-person td").nth(0);
        assertThat(firstWeek).hasClass(java.util.regex.Pattern.compile("load-OVER"));
        assertThat(firstWeek).containsText("▲ over");
        assertThat(firstWeek).containsText("150 %");
        assertThat(benRow.locator(".over-flag")).containsText("over on");
        Locator expand =
                benRow.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Tasks of Ben Builder"));
        expand.focus();
        page.keyboard().press("Enter");
        assertThat(expand).hasAttribute("aria-expanded", "true");
        Locator lines = benRow.locator("tr.workload-line");
        assertThat(lines).hasCount(2);
        assertThat(benRow.locator(".workload-tasks")).containsText("Wire racks");
        assertThat(benRow.locator(".workload-tasks")).containsText("Review racks");
        assertAccessible("a row expanded");

        // Hand the review to the contractor from the expanded row (the keyboard's way of dragging it).
        Locator reviewLine = lines.filter(new Locator.FilterOptions().setHasText("Review racks"));
        reviewLine.locator("summary").click();
        reviewLine
                .getByLabel("To", new Locator.GetByLabelOptions().setExact(true))
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Dana Contractor"));
        reviewLine
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Hand over"))
                .click();
        assertThat(page.locator("#flash")).containsText("Review racks handed to Dana Contractor (20 h).");
        benRow = page.locator("tbody.workload-row", new Page.LocatorOptions().setHasText("Ben Builder"));
        assertThat(benRow.locator("tr.workload-person td").nth(0)).containsText("100 %");
        assertThat(benRow.locator(".over-flag")).hasCount(0);

        // The project's Workload tab: its people and its rig, filtered by a tag.
        page.navigate("/projects/" + project.key() + "/workload?from=2026-03-02&scale=DAY&periods=10");
        assertThat(page.locator("#workload-table")).containsText("Test rig");
        assertThat(page.locator("#workload-table")).containsText("Ben Builder");
        page.getByLabel("Team or skill tag").fill("lab");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show"))
                .click();
        assertThat(page.locator("tbody.workload-row")).hasCount(1);
        assertThat(page.locator("#workload-table")).containsText("Test rig");
    }

    private void addResource(String name, String tags) {
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
        page.getByLabel("Tags (team, skill; comma-separated)").fill(tags);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add resource"))
                .click();
        assertThat(page.locator("#flash")).containsText(name + " added.");
    }

    private void assign(String resource, String units) {
        Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Assign a resource"));
        form.getByLabel("Resource")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(resource));
        form.getByLabel("Units (%)").fill(units);
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Assign"))
                .click();
    }

    private static NewTask task(String name, String duration, List<Long> assignees) {
        return new NewTask(
                name, null, null, null, null, null, null, null, assignees, duration, null, null, null, null, null,
                null);
    }
}
