package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import com.microsoft.playwright.Locator;
import java.time.LocalDate;
import org.gantry.server.api.ApiClient;
import org.gantry.server.api.GantryApi;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.ProjectRole;
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
        Person manager = invite("Mara Manager");
        ApiClient admin = GantryApi.onPort(port).admin();
        String key = GantryApi.newProjectStarting(admin, "Staffing", LocalDate.of(2026, 3, 2));
        String api = "/api/v1/projects/" + key;
        projects.addMember(admin(), key, new NewMember(manager.user().id(), null, ProjectRole.MANAGER));
        long ana = GantryApi.created(admin.post(api + "/resources", json("name", "Ana")))
                .get("id")
                .asLong();
        long rig = GantryApi.created(admin.post(api + "/resources", json("name", "Test rig")))
                .get("id")
                .asLong();
        long build = GantryApi.taskId(admin, key, json("name", "Build", "duration", "5d"));
        long review = GantryApi.taskId(admin, key, json("name", "Review", "duration", "3d"));
        long calibrate = GantryApi.taskId(admin, key, json("name", "Calibrate", "duration", "2d"));
        // Build and Review both need Ana full time from the Monday: she is at 200 %. The rig is at 50 % on
        // Build and 50 % on Calibrate: full, not over.
        for (long[] assignment :
                new long[][] {{build, ana, 100}, {build, rig, 50}, {review, ana, 100}, {calibrate, rig, 50}}) {
            GantryApi.created(admin.post(
                    api + "/tasks/" + assignment[0] + "/assignments",
                    json("resourceId", assignment[1], "units", assignment[2])));
        }

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
