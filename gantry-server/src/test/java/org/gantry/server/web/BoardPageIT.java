package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.SelectOption;
import java.util.List;
import org.gantry.server.board.BoardColumnSettings;
import org.gantry.server.board.BoardService;
import org.gantry.server.board.CardMove;
import org.gantry.server.board.ColumnSettings;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.task.NewStatus;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.StatusCategory;
import org.gantry.server.task.StatusService;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskChanges;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The board page in headless Chromium: a card dragged to another column stays there after a reload, a
 * card moved with the keyboard, a column over its WIP limit turns red and a blocking limit refuses the
 * move, a stale card shows the board as it is now, and a stakeholder cannot move cards.
 */
class BoardPageIT extends BrowserTest {

    @Autowired
    TaskService tasks;

    @Autowired
    BoardService boards;

    @Autowired
    BoardColumnSettings columns;

    @Autowired
    StatusService statuses;

    @Test
    void aMemberDragsACardToAnotherColumnAndItStaysThereAfterAReload() {
        Person member = invite("Bea Board");
        Project project = projectWith(member, ProjectRole.MEMBER);
        Task design = tasks.create(admin(), project.key(), NewTask.named("Design"));
        Task build = tasks.create(admin(), project.key(), NewTask.named("Build"));
        Task test = tasks.create(admin(), project.key(), NewTask.named("Test"));
        logIn(member);

        openBoard(project.key());
        assertThat(page.locator("#column-todo .card")).hasCount(3);
        drag(card(design), page.locator("#column-in_progress .cards"));

        assertThat(page.locator("#column-in_progress .card[data-id='" + design.id() + "']"))
                .isVisible();
        reloadBoard();
        assertThat(page.locator("#column-in_progress .card[data-id='" + design.id() + "']"))
                .isVisible();
        assertThat(page.locator("#column-todo .card")).hasCount(2);
        assertThat(tasks.get(admin(), project.key(), design.id()).task().status())
                .isEqualTo("in_progress");

        // Within a column: Test above Build.
        drag(card(test), card(build));
        assertThat(page.locator("#column-todo .card").first()).hasAttribute("data-id", String.valueOf(test.id()));
        reloadBoard();
        assertThat(page.locator("#column-todo .card").first()).hasAttribute("data-id", String.valueOf(test.id()));

        // The keyboard: Alt+→ moves the focused card to the next column, and it keeps the focus.
        card(build).focus();
        page.keyboard().press("Alt+ArrowRight");
        assertThat(page.locator("#column-in_progress .card[data-id='" + build.id() + "']"))
                .isFocused();
        page.keyboard().press("Alt+ArrowRight");
        Locator done = page.locator("#column-done .card[data-id='" + build.id() + "']");
        assertThat(done).isFocused();
        assertThat(tasks.get(admin(), project.key(), build.id()).task().percentComplete())
                .isEqualTo(100);
        screenshot("board");
    }

    @Test
    void aColumnOverItsWipLimitTurnsRedAndABlockingLimitRefusesTheMove() {
        Person member = invite("Wip Walker");
        Project project = projectWith(member, ProjectRole.MEMBER);
        Task first = tasks.create(admin(), project.key(), NewTask.named("First"));
        Task second = tasks.create(admin(), project.key(), NewTask.named("Second"));
        Task third = tasks.create(admin(), project.key(), NewTask.named("Third"));
        columns.setColumn(admin(), project.key(), "in_progress", new ColumnSettings(null, 1, false, 0));
        boards.move(admin(), project.key(), first.id(), new CardMove("in_progress", null, first.version()));
        logIn(member);

        openBoard(project.key());
        Locator column = page.locator("#column-in_progress");
        assertThat(column.locator(".wip")).hasText("1/1");
        assertThat(column).not().hasClass(java.util.regex.Pattern.compile(".*over-limit.*"));
        drag(card(second), column.locator(".cards"));

        assertThat(column.locator(".wip")).hasText("2/1");
        assertThat(column).hasClass(java.util.regex.Pattern.compile(".*over-limit.*"));
        String background = (String) column.evaluate("element => getComputedStyle(element).backgroundColor");
        assertThat(background).isEqualTo("rgb(253, 236, 234)");

        columns.setColumn(admin(), project.key(), "in_progress", new ColumnSettings(null, 2, true, 1));
        reloadBoard();
        card(third).focus();
        page.keyboard().press("Alt+ArrowRight");
        assertThat(page.locator("#board-notice")).containsText("holds 2 of at most 2 cards");
        assertThat(page.locator("#board-notice")).hasAttribute("data-status", "409");
        assertThat(page.locator("#column-todo .card[data-id='" + third.id() + "']"))
                .isVisible();
        assertThat(tasks.get(admin(), project.key(), third.id()).task().status())
                .isEqualTo("todo");
    }

    @Test
    void aManagerPutsReviewIntoTheInProgressColumnAndACardDroppedThereTakesInProgress() {
        Person manager = invite("Cleo Columns");
        Project project = projectWith(manager, ProjectRole.MANAGER);
        statuses.create(admin(), project.key(), new NewStatus(null, "Review", StatusCategory.IN_PROGRESS));
        Task reviewed = tasks.create(admin(), project.key(), NewTask.named("Reviewed"));
        boards.move(admin(), project.key(), reviewed.id(), new CardMove("review", null, reviewed.version()));
        Task fresh = tasks.create(admin(), project.key(), NewTask.named("Fresh"));
        logIn(manager);

        openBoard(project.key());
        assertThat(page.locator("#column-review .card[data-id='" + reviewed.id() + "']"))
                .isVisible();
        Locator settings = page.locator("#column-in_progress .wip-settings");
        settings.locator("summary").click();
        page.locator("#holds-in_progress-review").check();
        settings.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save column"))
                .click();
        // The form's answer is a new page: its cards show before its scripts (SortableJS, the keyboard moves)
        // have run, so drags and keys wait for the page to finish loading, as a person's would.
        page.waitForLoadState();

        assertThat(page.locator("main")).containsText("a card dropped into it becomes In progress.");
        assertThat(page.locator("#column-review")).hasCount(0);
        assertThat(page.locator("#column-in_progress .column-statuses")).hasText("Also Review");
        assertThat(page.locator("#column-in_progress .card[data-id='" + reviewed.id() + "'] .card-status"))
                .hasText("Review");
        assertAccessible("a column holding two statuses");

        drag(card(fresh), page.locator("#column-in_progress .cards"));
        assertThat(page.locator("#column-in_progress .card[data-id='" + fresh.id() + "']"))
                .isVisible();
        assertThat(tasks.get(admin(), project.key(), fresh.id()).task().status())
                .isEqualTo("in_progress");
        // Reordered within the column with the keyboard, a card keeps its own status.
        Locator cards = page.locator("#column-in_progress .card");
        assertThat(cards).hasCount(2);
        boolean reviewedFirst =
                String.valueOf(reviewed.id()).equals(cards.first().getAttribute("data-id"));
        card(reviewed).focus();
        page.keyboard().press(reviewedFirst ? "Alt+ArrowDown" : "Alt+ArrowUp");
        assertThat(cards.first()).hasAttribute("data-id", String.valueOf(reviewedFirst ? fresh.id() : reviewed.id()));
        assertThat(card(reviewed)).isFocused();
        assertThat(tasks.get(admin(), project.key(), reviewed.id()).task().status())
                .isEqualTo("review");
        reloadBoard();
        assertThat(cards.first()).hasAttribute("data-id", String.valueOf(reviewedFirst ? fresh.id() : reviewed.id()));
    }

    @Test
    void aSwimlaneCellOverItsLimitTurnsRedAndABlockingCellLimitRefusesTheMove() {
        Person member = invite("Cy Cell");
        Project project = projectWith(member, ProjectRole.MEMBER);
        Task first = tasks.create(admin(), project.key(), assigned("First", member));
        Task second = tasks.create(admin(), project.key(), assigned("Second", member));
        Task third = tasks.create(admin(), project.key(), assigned("Third", member));
        columns.setColumn(admin(), project.key(), "in_progress", new ColumnSettings(null, 1, false, 0, 1, null));
        boards.move(admin(), project.key(), first.id(), new CardMove("in_progress", null, first.version()));
        logIn(member);
        openBoard(project.key());
        page.locator("#filter-swimlanes").selectOption(new SelectOption().setLabel("Assignee"));
        page.locator("#apply-filters").click();
        page.waitForLoadState();

        Locator cell = page.locator(".board-lane").nth(0).locator(".lane-cell[data-status='in_progress']");
        assertThat(cell.locator(".cell-wip")).hasText("1/1");
        assertThat(cell).not().hasClass(java.util.regex.Pattern.compile(".*over-limit.*"));
        card(second).focus();
        page.keyboard().press("Alt+ArrowRight");

        assertThat(cell.locator(".card[data-id='" + second.id() + "']")).isFocused();
        assertThat(cell.locator(".cell-wip")).hasText("2/1");
        assertThat(cell).hasClass(java.util.regex.Pattern.compile(".*over-limit.*"));
        String background = (String) cell.evaluate("element => getComputedStyle(element).backgroundColor");
        assertThat(background).isEqualTo("rgb(253, 236, 234)");
        assertThat(cell.locator(".cards"))
                .hasAttribute("aria-label", java.util.regex.Pattern.compile(".*over the WIP limit$"));
        // With swimlanes on, the column's own limit still shows on its head, red when over.
        assertThat(page.locator("#column-in_progress .wip")).hasText("2/1");
        assertThat(page.locator("#column-in_progress")).hasClass(java.util.regex.Pattern.compile(".*over-limit.*"));
        assertThat(cell).hasClass(java.util.regex.Pattern.compile(".*column-over-limit.*"));
        assertAccessible("a swimlane cell over its limit");

        columns.setColumn(admin(), project.key(), "in_progress", new ColumnSettings(null, null, true, 1, 2, null));
        reloadBoard();
        card(third).focus();
        page.keyboard().press("Alt+ArrowRight");
        assertThat(page.locator("#board-notice")).containsText("holds 2 of at most 2 cards");
        assertThat(page.locator("#board-notice")).hasAttribute("data-status", "409");
        assertThat(page.locator(".board-lane")
                        .nth(0)
                        .locator(".lane-cell[data-status='todo'] .card[data-id='" + third.id() + "']"))
                .isVisible();
        assertThat(tasks.get(admin(), project.key(), third.id()).task().status())
                .isEqualTo("todo");
    }

    @Test
    void aStaleCardShowsTheBoardAsItIsNow() {
        Person member = invite("Sam Stale");
        Project project = projectWith(member, ProjectRole.MEMBER);
        Task task = tasks.create(admin(), project.key(), NewTask.named("Contested card"));
        logIn(member);
        // Live updates would show the other move first: this is the case where it has not arrived yet.
        page.route(
                "**/events**",
                route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                        .setStatus(200)
                        .setContentType("text/event-stream")
                        .setBody(": no events\n\n")));
        openBoard(project.key());
        assertThat(card(task)).isVisible();
        // Someone else finishes it meanwhile.
        tasks.update(admin(), project.key(), task.id(), TaskChanges.status("done", null, task.version()));

        card(task).focus();
        page.keyboard().press("Alt+ArrowRight");

        assertThat(page.locator("#board-notice")).containsText("Someone else changed this card");
        assertThat(page.locator("#column-done .card[data-id='" + task.id() + "']"))
                .isVisible();
        assertThat(tasks.get(admin(), project.key(), task.id()).task().status()).isEqualTo("done");
    }

    @Test
    void aMoveSomeoneElseMakesAppearsWithoutReloading() {
        Person member = invite("Lou Live");
        Project project = projectWith(member, ProjectRole.MEMBER);
        Task task = tasks.create(admin(), project.key(), NewTask.named("Moved elsewhere"));
        logIn(member);
        openBoard(project.key());
        assertThat(page.locator("#live")).hasAttribute("data-state", "live");

        boards.move(admin(), project.key(), task.id(), new CardMove("in_progress", null, task.version()));

        assertThat(page.locator("#column-in_progress .card[data-id='" + task.id() + "']"))
                .isVisible();
        assertThat(page.locator("#column-todo .card")).hasCount(0);
    }

    @Test
    void aStakeholderCannotDragCards() {
        Person sponsor = invite("Sid Sponsor");
        Project project = projectWith(sponsor, ProjectRole.STAKEHOLDER);
        Task task = tasks.create(admin(), project.key(), NewTask.named("Look, do not touch"));
        logIn(sponsor);

        openBoard(project.key());
        assertThat(page.locator("#read-only-note")).isVisible();
        assertThat(page.locator("#board")).hasAttribute("data-can-edit", "false");
        drag(card(task), page.locator("#column-in_progress .cards"));
        card(task).focus();
        page.keyboard().press("Alt+ArrowRight");

        reloadBoard();
        assertThat(page.locator("#column-todo .card[data-id='" + task.id() + "']"))
                .isVisible();
        assertThat(tasks.get(admin(), project.key(), task.id()).task().status()).isEqualTo("todo");
    }

    @Test
    void aLongColumnShowsItsFirstCardsAndTheKeyboardShowsMoreWhileCountsAndMovesStayWhole() {
        Person member = invite("Lena Long");
        Project project = projectWith(member, ProjectRole.MEMBER);
        for (int number = 1; number <= 60; number++) {
            tasks.create(admin(), project.key(), NewTask.named("Story " + number));
        }
        Task started = tasks.create(admin(), project.key(), NewTask.named("Started"));
        boards.move(admin(), project.key(), started.id(), new CardMove("in_progress", null, started.version()));
        logIn(member);

        openBoard(project.key());
        Locator todo = page.locator("#column-todo .card");
        assertThat(todo).hasCount(50);
        assertThat(page.locator("#column-todo .wip")).hasText("60");
        assertThat(page.locator("#column-todo .more-cards")).containsText("50 of 60 shown");
        assertAccessible("a long column showing its first cards");

        // Below the last shown card, ArrowDown reaches "Show more"; Enter shows the rest, focused on the first new
        // card.
        String fifty = todo.nth(49).getAttribute("data-id");
        todo.nth(49).focus();
        page.keyboard().press("ArrowDown");
        Locator more = page.locator("#column-todo .show-more");
        assertThat(more).isFocused();
        assertThat(more).hasAccessibleName("Show 10 more cards of To do");
        page.keyboard().press("Enter");
        assertThat(todo).hasCount(60);
        assertThat(todo.nth(50)).isFocused();
        assertThat(todo.nth(49)).hasAttribute("data-id", fifty);
        assertThat(page.locator("#column-todo .more-cards")).hasCount(0);
        assertThat(page.url()).contains("show=todo");
        reloadBoard();
        assertThat(todo).hasCount(60);

        // On the first cards again, a card moved with the keyboard into the long column lands after the last
        // shown card, stays in view with the focus, and the column counts it.
        openBoard(project.key());
        assertThat(todo).hasCount(50);
        card(started).focus();
        page.keyboard().press("Alt+ArrowLeft");
        Locator moved = page.locator("#column-todo .card[data-id='" + started.id() + "']");
        assertThat(moved).isFocused();
        assertThat(todo).hasCount(51);
        assertThat(todo.nth(50)).hasAttribute("data-id", String.valueOf(started.id()));
        assertThat(page.locator("#column-todo .wip")).hasText("61");
        assertThat(page.locator("#column-todo .more-cards")).containsText("51 of 61 shown");
        assertThat(tasks.get(admin(), project.key(), started.id()).task().status())
                .isEqualTo("todo");

        // Dragged out of the long column and back onto its top (scrolled up first, as a person would).
        Locator todoList = page.locator("#column-todo .cards");
        todoList.evaluate("list => { list.scrollTop = 0; }");
        drag(todo.first(), page.locator("#column-in_progress .cards"));
        assertThat(page.locator("#column-in_progress .card")).hasCount(1);
        assertThat(page.locator("#column-todo .wip")).hasText("60");
        Locator back = page.locator("#column-in_progress .card").first();
        String backId = back.getAttribute("data-id");
        todoList.evaluate("list => { list.scrollTop = 0; }");
        drag(back, todoList);
        assertThat(todo.first()).hasAttribute("data-id", backId);
        assertThat(page.locator("#column-in_progress .card")).hasCount(0);
        reloadBoard();
        assertThat(todo.first()).hasAttribute("data-id", backId);
        assertThat(todo).hasCount(50);
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

    private Locator card(Task task) {
        return page.locator("#board .card[data-id='" + task.id() + "']");
    }

    /** A drag with the mouse in small steps, as SortableJS's mouse-event mode needs, onto the target's top. */
    private void drag(Locator source, Locator target) {
        // Waits until the card is shown (a redraw may be replacing it) and in view.
        source.scrollIntoViewIfNeeded();
        BoundingBox from = source.boundingBox();
        BoundingBox to = target.boundingBox();
        page.mouse().move(from.x + from.width / 2, from.y + from.height / 2);
        page.mouse().down();
        page.mouse()
                .move(from.x + from.width / 2 + 5, from.y + from.height / 2 + 5, new Mouse.MoveOptions().setSteps(3));
        page.mouse()
                .move(to.x + to.width / 2, to.y + Math.min(10, to.height / 3), new Mouse.MoveOptions().setSteps(15));
        page.mouse().move(to.x + to.width / 2, to.y + Math.min(12, to.height / 3), new Mouse.MoveOptions().setSteps(3));
        page.mouse().up();
        page.waitForFunction("() => !document.querySelector('#board[aria-busy]')");
    }

    /** Opens the board and waits until board.js has set it up, so keys and drags reach its handlers. */
    private void openBoard(String projectKey) {
        page.navigate("/projects/" + projectKey + "/board");
        assertThat(page.locator("#board")).hasAttribute("data-ready", "true");
    }

    private void reloadBoard() {
        page.reload();
        assertThat(page.locator("#board")).hasAttribute("data-ready", "true");
    }
}
