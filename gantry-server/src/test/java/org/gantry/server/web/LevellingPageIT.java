package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import java.time.LocalDate;
import org.gantry.server.api.ApiClient;
import org.gantry.server.api.GantryApi;
import org.junit.jupiter.api.Test;

/**
 * "Level resources" on the Gantt page in Chromium, by keyboard: the dialog opens, the preview lists the
 * tasks that move and why with the finish before and after, Apply moves the bars and dates, and the
 * page's Undo takes the levelling back. axe-core checks the dialog with the preview shown. With "Levelling
 * can adjust individual assignments" ticked, only the over-allocated person's work on a shared task waits.
 */
class LevellingPageIT extends BrowserTest {

    @Test
    void aManagerPreviewsAppliesAndUndoesLevellingFromTheGanttByKeyboard() {
        PlannedProject plan = PlannedProject.starting(port, "Level", LocalDate.of(2026, 3, 2));
        ApiClient admin = plan.admin;
        String key = plan.key;
        String api = plan.api;
        Person manager = managerOf(key, "Lena Leveller");
        long ana = plan.resource("Ana");
        long build = plan.task("Build", "5d");
        long review = plan.task("Review", "3d");
        plan.assign(build, ana, 100);
        plan.assign(review, ana, 100);

        logIn(manager);
        page.navigate("/projects/" + key + "/gantt");
        assertThat(page.locator("#gantt")).hasAttribute("aria-busy", "false");
        Locator reviewStart = page.locator(".gantt-row:has(.gantt-name:text-is(\"Review\")) .gantt-column-start");
        Locator buildStart = page.locator(".gantt-row:has(.gantt-name:text-is(\"Build\")) .gantt-column-start");
        assertThat(reviewStart).hasText(buildStart.textContent());
        String before = reviewStart.textContent();

        // By keyboard: the toolbar button, then the dialog's Preview button.
        page.locator("#gantt-level").focus();
        page.keyboard().press("Enter");
        Locator dialog = page.locator("#gantt-level-dialog");
        assertThat(dialog).isVisible();
        assertThat(page.locator("#gantt-level-apply")).isDisabled();
        page.locator("#gantt-level-preview").focus();
        page.keyboard().press("Enter");

        Locator moves = page.locator("#gantt-level-moves tbody tr");
        assertThat(moves).hasCount(1);
        assertThat(moves.first().locator("th")).containsText("Review");
        assertThat(moves.first()).containsText("Ana is over-allocated");
        assertThat(moves.first()).containsText("+5 d");
        assertThat(page.locator("#gantt-level-summary")).containsText("Finish now 2026-03-06 17:00");
        assertThat(page.locator("#gantt-level-summary")).containsText("after levelling 2026-03-11 17:00");
        assertThat(page.locator("#gantt-level-summary")).containsText("optimising: 2026-03-11 17:00");
        assertAccessible("levelling dialog with a preview");

        page.locator("#gantt-level-apply").focus();
        page.keyboard().press("Enter");
        assertThat(dialog).not().isVisible();
        assertThat(page.locator("#gantt-message")).containsText("Levelling: 1 task moved");
        assertThat(reviewStart).not().hasText(before);
        assertThat(GantryApi.ok(admin.get(api + "/tasks/" + review))
                        .get("start")
                        .asString())
                .isEqualTo("2026-03-09T08:00:00");
        assertThat(GantryApi.ok(admin.get(api + "/tasks/" + review + "/levelling"))
                        .get("levellingDelay")
                        .asString())
                .isEqualTo("7 edays");

        // The page's Undo takes the levelling back.
        assertThat(page.locator("#gantt-undo")).hasText("Undo levelling");
        page.locator("#gantt-undo").click();
        assertThat(page.locator("#gantt-message")).containsText("Undone: levelling");
        assertThat(reviewStart).hasText(before);
        assertThat(GantryApi.ok(admin.get(api + "/tasks/" + review))
                        .get("start")
                        .asString())
                .isEqualTo("2026-03-02T08:00:00");
    }

    @Test
    void withAssignmentsAdjustedOnlyTheBusyPersonsWorkWaits() {
        PlannedProject plan = PlannedProject.starting(port, "Adjust", LocalDate.of(2026, 3, 2));
        ApiClient admin = plan.admin;
        String key = plan.key;
        String api = plan.api;
        Person manager = managerOf(key, "Ada Adjuster");
        long ana = plan.resource("Ana");
        long bo = plan.resource("Bo");
        long build = plan.task("Build", "5d");
        long pair = plan.task("Pair test", "4d");
        plan.assign(build, ana, 100);
        plan.assign(pair, ana, 100);
        plan.assign(pair, bo, 100);

        logIn(manager);
        page.navigate("/projects/" + key + "/gantt");
        assertThat(page.locator("#gantt")).hasAttribute("aria-busy", "false");
        page.locator("#gantt-level").focus();
        page.keyboard().press("Enter");
        page.locator("#gantt-level-assignments").focus();
        page.keyboard().press("Space");
        assertThat(page.locator("#gantt-level-assignments")).isChecked();
        page.locator("#gantt-level-preview").focus();
        page.keyboard().press("Enter");

        Locator moves = page.locator("#gantt-level-moves tbody tr");
        assertThat(moves).hasCount(1);
        assertThat(moves.first().locator("th")).containsText("Pair test");
        assertThat(moves.first()).containsText("starts Ana's work on it 5 days after the task");
        assertThat(page.locator("#gantt-level-summary")).containsText("after levelling 2026-03-12 17:00");
        assertAccessible("levelling dialog adjusting assignments");

        page.locator("#gantt-level-apply").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#gantt-message")).containsText("Levelling: 1 task moved");
        var stored = GantryApi.ok(admin.get(api + "/tasks/" + pair + "/levelling"));
        assertThat(stored.get("assignmentDelays").get(0).get("resourceId").asLong())
                .isEqualTo(ana);
        assertThat(GantryApi.ok(admin.get(api + "/tasks/" + pair)).get("start").asString())
                .isEqualTo("2026-03-02T08:00:00");
        assertThat(GantryApi.ok(admin.get(api + "/tasks/" + pair)).get("finish").asString())
                .isEqualTo("2026-03-12T17:00:00");
    }
}
