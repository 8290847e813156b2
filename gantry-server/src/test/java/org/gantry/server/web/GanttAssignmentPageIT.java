package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.gantry.server.api.ApiClient.json;

import com.microsoft.playwright.Locator;
import java.time.LocalDate;
import org.gantry.server.api.ApiClient;
import org.gantry.server.api.GantryApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Gantt chart's task dialog edits the task's resources: an owner halves Ana's units on a 4-day task of
 * fixed units (32 h of work), and the task takes 8 days as Microsoft Project would make it; then hands the
 * work to Bo, who keeps the units and the work, so the dates stay.
 */
class GanttAssignmentPageIT extends BrowserTest {

    /** A project from Monday 2 March 2026 with Ana and Bo, and Build (4 days) with Ana on it full time (32 h). */
    private record Plan(ApiClient admin, String key, String api, long bo, long build) {}

    private Plan anaOnBuild(String name) {
        PlannedProject plan = PlannedProject.starting(port, name, LocalDate.of(2026, 3, 2));
        long ana = plan.resource("Ana");
        long bo = plan.resource("Bo");
        long build = plan.task("Build", "4d");
        plan.assign(build, ana, 100);
        return new Plan(plan.admin, plan.key, plan.api, bo, build);
    }

    private void showGantt(Plan plan) {
        logInAsAdmin();
        page.navigate("/projects/" + plan.key() + "/gantt");
        assertThat(page.locator("#gantt")).hasAttribute("aria-busy", "false");
    }

    @Test
    void anOwnerChangesUnitsAndResourceInTheTaskDialog() {
        Plan plan = anaOnBuild("Dialog");
        ApiClient admin = plan.admin();
        String api = plan.api();
        long bo = plan.bo();
        long build = plan.build();

        showGantt(plan);
        Locator name = page.locator(".gantt-row:has(.gantt-name:text-is(\"Build\")) .gantt-name");
        name.dblclick();
        Locator dialog = page.locator("#gantt-task-dialog");
        assertThat(dialog).isVisible();
        Locator units = dialog.getByLabel("Units % of Ana");
        assertThat(units).hasValue("100");
        assertThat(dialog.locator("#gantt-assignment-table")).containsText("32 h");
        assertAccessible("task dialog with its resources");

        units.fill("50");
        page.locator("#gantt-task-save").click();
        assertThat(dialog).isHidden();
        assertThat(page.locator("#gantt-message")).containsText("Resources of Build saved.");
        // Fixed units: 32 h at 50 % take 8 working days, Monday 2 to Wednesday 11 March.
        JsonNode task = GantryApi.ok(admin.get(api + "/tasks/" + build));
        assertThat(task.get("finish").asString()).isEqualTo("2026-03-11T17:00:00");
        JsonNode assignment = GantryApi.ok(admin.get(api + "/tasks/" + build + "/assignments"))
                .get(0);
        assertThat(assignment.get("units").asDouble()).isEqualTo(50.0);
        assertThat(assignment.get("workMinutes").asLong()).isEqualTo(32 * 60);

        name.dblclick();
        assertThat(dialog).isVisible();
        assertThat(dialog.getByLabel("Units % of Ana")).hasValue("50");
        dialog.getByLabel("Resource in place of Ana").selectOption(String.valueOf(bo));
        page.locator("#gantt-task-save").click();
        assertThat(dialog).isHidden();
        assertThat(page.locator("#gantt-message")).containsText("Resources of Build saved.");
        JsonNode handed = GantryApi.ok(admin.get(api + "/tasks/" + build + "/assignments"))
                .get(0);
        assertThat(handed.get("resourceName").asString()).isEqualTo("Bo");
        assertThat(handed.get("units").asDouble()).isEqualTo(50.0);
        assertThat(handed.get("workMinutes").asLong()).isEqualTo(32 * 60);
        assertThat(GantryApi.ok(admin.get(api + "/tasks/" + build))
                        .get("finish")
                        .asString())
                .isEqualTo("2026-03-11T17:00:00");
    }

    /**
     * Adding and taking off resources in the dialog, on an effort-driven task: Ana alone does its 32 h in 4 days;
     * Bo added at 100 % takes half of them, so the task takes 2 days (Monday 2 and Tuesday 3 March); taking Ana off
     * hands Bo her 16 h, and the task lasts 4 days again, to Thursday 5 March.
     */
    @Test
    void anOwnerAddsAndRemovesResourcesInTheTaskDialogAndAnEffortDrivenTaskSharesTheWork() {
        Plan plan = anaOnBuild("Staffing");
        ApiClient admin = plan.admin();
        String api = plan.api();
        long bo = plan.bo();
        long build = plan.build();
        int version =
                GantryApi.ok(admin.get(api + "/tasks/" + build)).get("version").asInt();
        GantryApi.ok(admin.put(api + "/tasks/" + build + "/task-type", json("effortDriven", true, "version", version)));

        showGantt(plan);
        Locator name = page.locator(".gantt-row:has(.gantt-name:text-is(\"Build\")) .gantt-name");
        name.dblclick();
        Locator dialog = page.locator("#gantt-task-dialog");
        assertThat(dialog).isVisible();
        Locator add = dialog.getByLabel("Add a resource");
        assertThat(add.locator("option")).hasCount(2);
        add.selectOption(String.valueOf(bo));
        assertThat(dialog.getByLabel("Units % of the resource to add")).hasValue("100");
        assertAccessible("task dialog with a resource to add");
        page.locator("#gantt-task-save").click();
        assertThat(dialog).isHidden();
        assertThat(page.locator("#gantt-message")).containsText("Resources of Build saved.");
        JsonNode both = GantryApi.ok(admin.get(api + "/tasks/" + build + "/assignments"));
        assertThat(both).hasSize(2);
        both.forEach(
                assignment -> assertThat(assignment.get("workMinutes").asLong()).isEqualTo(16 * 60));
        assertThat(GantryApi.ok(admin.get(api + "/tasks/" + build))
                        .get("finish")
                        .asString())
                .isEqualTo("2026-03-03T17:00:00");

        name.dblclick();
        assertThat(dialog).isVisible();
        Locator removeAna = dialog.getByLabel("Remove Ana");
        removeAna.focus();
        page.keyboard().press("Space");
        assertThat(removeAna).isChecked();
        page.locator("#gantt-task-save").click();
        assertThat(dialog).isHidden();
        assertThat(page.locator("#gantt-message")).containsText("Resources of Build saved.");
        JsonNode left = GantryApi.ok(admin.get(api + "/tasks/" + build + "/assignments"));
        assertThat(left).hasSize(1);
        assertThat(left.get(0).get("resourceName").asString()).isEqualTo("Bo");
        assertThat(left.get(0).get("workMinutes").asLong()).isEqualTo(32 * 60);
        assertThat(GantryApi.ok(admin.get(api + "/tasks/" + build))
                        .get("finish")
                        .asString())
                .isEqualTo("2026-03-05T17:00:00");
    }
}
