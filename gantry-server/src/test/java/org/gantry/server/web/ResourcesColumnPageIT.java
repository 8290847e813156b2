package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * The list view's Resources column and the over-allocation marks in Chromium: each task shows its resources
 * with their units (people and a test rig), a task during which someone is over-allocated carries the mark
 * with who, that person is shown in red on it, and the Gantt chart marks the same task. axe-core checks the
 * list with the marks shown.
 */
class ResourcesColumnPageIT extends BrowserTest {

    @Test
    void theListShowsResourcesWithUnitsAndTheOverAllocatedPersonInRed() {
        PlannedProject plan = PlannedProject.starting(port, "Staffing", LocalDate.of(2026, 3, 2));
        String key = plan.key;
        Person manager = managerOf(key, "Mara Manager");
        long ana = plan.resource("Ana");
        long rig = plan.resource("Test rig");
        long build = plan.task("Build", "5d");
        long review = plan.task("Review", "3d");
        long calibrate = plan.task("Calibrate", "2d");
        // Build and Review both need Ana full time from the Monday: she is at 200 %. The rig is at 50 % on
        // Build and 50 % on Calibrate: full, not over.
        plan.assign(build, ana, 100);
        plan.assign(build, rig, 50);
        plan.assign(review, ana, 100);
        plan.assign(calibrate, rig, 50);

        logIn(manager);
        page.navigate("/projects/" + key + "/list");
        assertThat(page.locator("#task-grid thead")).containsText("Resources");
        Locator buildRow = row("Build");
        Locator buildPeople = buildRow.locator("td.c-assignees .person");
        assertThat(buildPeople).hasCount(2);
        assertThat(buildPeople.nth(0)).containsText("Ana");
        assertThat(buildPeople.nth(0)).hasClass(java.util.regex.Pattern.compile("\\bover\\b"));
        assertThat(buildPeople.nth(0)).containsText("over-allocated");
        assertThat(buildPeople.nth(1)).containsText("Test rig");
        assertThat(buildPeople.nth(1).locator(".units")).hasText("50 %");
        assertThat(buildPeople.nth(1)).not().hasClass(java.util.regex.Pattern.compile("\\bover\\b"));
        assertThat(buildRow.locator(".over-mark")).hasAttribute("aria-label", "Over-allocated: Ana");
        assertThat(row("Review").locator(".over-mark")).hasAttribute("aria-label", "Over-allocated: Ana");
        // The rig is busy but not over: Calibrate carries no mark, and a full-time share shows no units.
        assertThat(row("Calibrate").locator(".over-mark")).hasCount(0);
        assertThat(row("Review").locator("td.c-assignees .units")).hasCount(0);
        assertAccessible("list with resources and over-allocation marks");

        page.navigate("/projects/" + key + "/gantt");
        assertThat(page.locator("#gantt")).hasAttribute("aria-busy", "false");
        assertThat(page.locator(".gantt-row:has(.gantt-name:text-is(\"Build\")) .gantt-over"))
                .hasAttribute("title", "Over-allocated: Ana");
        assertThat(page.locator(".gantt-row:has(.gantt-name:text-is(\"Calibrate\")) .gantt-over"))
                .hasCount(0);
    }

    private Locator row(String name) {
        return page.locator("tr.task-row[data-name='" + name + "']");
    }
}
