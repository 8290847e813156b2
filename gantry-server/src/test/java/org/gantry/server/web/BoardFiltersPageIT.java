package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.SelectOption;
import java.util.List;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Board quick filters and swimlanes in headless Chromium: a member's "mine" filter set with the keyboard
 * stays applied after a reload, a card moved with the keyboard on the filtered board lands where it shows,
 * and swimlanes by assignee show a lane per person with the column WIP counts still in the heads.
 */
class BoardFiltersPageIT extends BrowserTest {

    @Autowired
    TaskService tasks;

    @Test
    void aMemberFiltersMineReloadsAndTheFilterIsStillApplied() {
        Person member = invite("Fia Filter");
        Project project = projectWith(member, ProjectRole.MEMBER);
        Task others = tasks.create(admin(), project.key(), NewTask.named("Someone else's"));
        Task mine = tasks.create(admin(), project.key(), assigned("Mine to do", member));
        Task nobody = tasks.create(admin(), project.key(), NewTask.named("Nobody's"));
        logIn(member);
        page.navigate("/projects/" + project.key() + "/board");
        assertThat(page.locator("#column-todo .card")).hasCount(3);

        page.locator("#filter-mine").focus();
        page.keyboard().press("Space");
        page.locator("#apply-filters").focus();
        page.keyboard().press("Enter");

        assertThat(page.locator("#filter-summary")).hasText("Filtered: showing 1 of 3 cards.");
        assertThat(page.locator("#column-todo .card")).hasCount(1);
        assertThat(page.locator("#column-todo .wip")).hasText("3");
        page.reload();
        assertThat(page.locator("#filter-mine")).isChecked();
        assertThat(page.locator("#column-todo .card")).hasCount(1);
        assertThat(card(mine)).isVisible();
        assertAccessible("filtered to my cards");

        // The keyboard still moves the one card shown (second in its whole column) to the next column.
        card(mine).focus();
        page.keyboard().press("Alt+ArrowRight");
        assertThat(page.locator("#column-in_progress .card[data-id='" + mine.id() + "']"))
                .isFocused();
        assertThat(tasks.get(admin(), project.key(), mine.id()).task().status()).isEqualTo("in_progress");

        page.locator("#clear-filters").click();
        assertThat(page.locator("#column-todo .card")).hasCount(2);
        assertThat(page.locator("#filter-mine")).not().isChecked();
        assertThat(page.locator("#column-todo .card").nth(0)).hasAttribute("data-id", String.valueOf(others.id()));
        assertThat(page.locator("#column-todo .card").nth(1)).hasAttribute("data-id", String.valueOf(nobody.id()));
    }

    @Test
    void swimlanesByAssigneeShowALanePerPersonAndCardsMoveWithinTheirLane() {
        Person member = invite("Lea Lane");
        Project project = projectWith(member, ProjectRole.MEMBER);
        Task mine = tasks.create(admin(), project.key(), assigned("Lea's card", member));
        Task loose = tasks.create(admin(), project.key(), NewTask.named("Loose card"));
        logIn(member);
        page.navigate("/projects/" + project.key() + "/board");

        page.locator("#filter-swimlanes").selectOption(new SelectOption().setLabel("Assignee"));
        page.locator("#apply-filters").click();

        Locator lanes = page.locator(".board-lane");
        assertThat(lanes).hasCount(2);
        assertThat(lanes.nth(0).locator(".lane-title")).containsText("Lea Lane");
        assertThat(lanes.nth(1).locator(".lane-title")).containsText("Unassigned");
        assertThat(page.locator("#column-todo .wip")).hasText("2");
        assertThat(lanes.nth(0).locator(".card")).hasCount(1);
        assertThat(lanes.nth(1).locator(".card[data-id='" + loose.id() + "']")).isVisible();
        assertAccessible("swimlanes by assignee");

        lanes.nth(0).locator(".card").focus();
        page.keyboard().press("Alt+ArrowRight");
        assertThat(page.locator(".board-lane")
                        .nth(0)
                        .locator(".cards[data-status='in_progress'] .card[data-id='" + mine.id() + "']"))
                .isFocused();
        assertThat(page.locator("#column-in_progress .wip")).hasText("1");
        page.reload();
        assertThat(page.locator("#filter-swimlanes")).hasValue("ASSIGNEE");
        assertThat(page.locator(".board-lane")).hasCount(2);
    }

    private Locator card(Task task) {
        return page.locator("#board .card[data-id='" + task.id() + "']");
    }

    private static NewTask assigned(String name, Person person) {
        return new NewTask(
                name,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(person.user().id()),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
