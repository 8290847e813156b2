package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.util.List;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.NewProject;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskChanges;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A manager resolves an over-allocation from the workload's expanded row by moving a task's work to the next
 * week with the keyboard (Move… → Weeks later → Move in time), as Team Planner does by setting a
 * start-no-earlier-than; a row someone changed meanwhile is refused in words and nothing moves; and dragging
 * a task line onto a later week's column of its own row moves it by those weeks.
 */
class WorkloadMovePageIT extends BrowserTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Autowired
    TaskService tasks;

    @Test
    void aManagerMovesATasksWorkToTheNextWeekByKeyboardAndByDragging() {
        Person ben = invite("Ben Mover");
        Project project =
                projects.create(admin(), new NewProject("M" + unique(), "Rack move", null, MONDAY, null, null, null));
        projects.addMember(admin(), project.key(), new NewMember(ben.user().id(), null, ProjectRole.MEMBER));
        tasks.create(
                admin(),
                project.key(),
                task("Wire racks", "5d", List.of(ben.user().id())));
        Task label = tasks.create(
                admin(),
                project.key(),
                task("Label racks", "5d", List.of(ben.user().id())));
        Task cable = tasks.create(
                admin(),
                project.key(),
                task("Cable trays", "5d", List.of(ben.user().id())));

        logInAsAdmin();
        String view = "/workload?from=2026-03-02&scale=WEEK&periods=4&project=" + project.key();
        page.navigate(view);
        Locator benRow = benRow();
        assertThat(benRow.locator("tr.workload-person td").nth(0)).containsText("300 %");
        expand(benRow);

        // Keyboard: Move… on "Label racks", one week later.
        Locator labelLine = line(benRow, "Label racks");
        Locator move = labelLine.getByText("Move…");
        move.focus();
        page.keyboard().press("Enter");
        Locator weeks = labelLine.getByLabel("Weeks later");
        assertThat(weeks).isVisible();
        assertThat(weeks).hasValue("1");
        assertAccessible("the Move… menu open");
        labelLine
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move in time"))
                .focus();
        page.keyboard().press("Enter");

        assertThat(page.locator("#flash"))
                .containsText("Label racks moved 1 week later: it starts no earlier than 2026-03-09 08:00 and now"
                        + " starts 2026-03-09 08:00.");
        benRow = benRow();
        assertThat(benRow.locator("tr.workload-person td").nth(0)).containsText("200 %");
        assertThat(benRow.locator("tr.workload-person td").nth(1)).containsText("100 %");

        // Someone changes "Cable trays" after the page was loaded: moving it is refused, nothing moves.
        expand(benRow);
        Locator cableLine = line(benRow, "Cable trays");
        cableLine.getByText("Move…").click();
        Task current = tasks.get(admin(), project.key(), cable.id()).task();
        tasks.update(
                admin(),
                project.key(),
                cable.id(),
                new TaskChanges(
                        "Cable trays and ducts",
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
                        null,
                        null,
                        null,
                        current.version()));
        cableLine.getByLabel("Weeks later").fill("2");
        cableLine
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move in time"))
                .click();
        assertThat(page.locator("#workload-filter-problem"))
                .containsText("Not moved: someone changed the task since this page was loaded");
        org.assertj.core.api.Assertions.assertThat(
                        tasks.get(admin(), project.key(), cable.id()).task().start())
                .isEqualTo(MONDAY.atTime(8, 0));

        // Drag: the cable trays line onto the third week's column of Ben's own row moves it two weeks.
        benRow = benRow();
        expand(benRow);
        cableLine = line(benRow, "Cable trays and ducts");
        // The HTML5 drag events a mouse drag fires, dispatched in order with one DataTransfer.
        var transfer = page.evaluateHandle("() => new DataTransfer()");
        Locator thirdWeek = benRow.locator("tr.workload-person td").nth(2);
        cableLine.dispatchEvent("dragstart", java.util.Map.of("dataTransfer", transfer));
        thirdWeek.dispatchEvent("dragover", java.util.Map.of("dataTransfer", transfer));
        thirdWeek.dispatchEvent("drop", java.util.Map.of("dataTransfer", transfer));
        assertThat(page.locator("#flash")).containsText("Cable trays and ducts moved 2 weeks later");
        org.assertj.core.api.Assertions.assertThat(
                        tasks.get(admin(), project.key(), cable.id()).task().start())
                .isEqualTo(MONDAY.plusWeeks(2).atTime(8, 0));
        org.assertj.core.api.Assertions.assertThat(
                        tasks.get(admin(), project.key(), label.id()).task().start())
                .isEqualTo(MONDAY.plusWeeks(1).atTime(8, 0));
        benRow = benRow();
        assertThat(benRow.locator("tr.workload-person td").nth(0)).containsText("100 %");
        assertThat(benRow.locator("tr.workload-person td").nth(2)).containsText("100 %");
        assertThat(benRow.locator(".over-flag")).hasCount(0);
    }

    private Locator benRow() {
        return page.locator("tbody.workload-row", new Page.LocatorOptions().setHasText("Ben Mover"));
    }

    private void expand(Locator row) {
        // After a move the page is a new one: its script must have wired the buttons before a key press.
        page.waitForLoadState();
        Locator expand = row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Tasks of Ben Mover"));
        expand.focus();
        page.keyboard().press("Enter");
        assertThat(expand).hasAttribute("aria-expanded", "true");
    }

    private static Locator line(Locator row, String name) {
        return row.locator("tr.workload-line").filter(new Locator.FilterOptions().setHasText(name));
    }

    private static NewTask task(String name, String duration, List<Long> assignees) {
        return new NewTask(
                name, null, null, null, null, null, null, null, assignees, duration, null, null, null, null, null,
                null);
    }
}
