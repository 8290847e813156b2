package org.gantry.server.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.NewProject;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.resource.AssignmentService;
import org.gantry.server.resource.NewAssignment;
import org.gantry.server.resource.NewResource;
import org.gantry.server.resource.Resource;
import org.gantry.server.resource.ResourceService;
import org.gantry.server.task.LinkService;
import org.gantry.server.task.NewLink;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskChanges;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The change requests page in headless Chromium, on a plan from Monday 2 March 2026 (Monday to Friday,
 * 08:00-17:00): A (3 days) then B (2 days, Thursday 5 and Friday 6 March). A manager drafts "add a 5-day
 * task after A, before B", sees the impact, submits and approves it, and the list view then shows the new
 * task (5 to 11 March) and B finishing Friday 13 March, and the Gantt chart the new bar between A and B. A member proposes but cannot decide; an approval
 * after someone changed the plan is refused with the recomputed impact, and applies on the second try.
 */
class ChangePageIT extends BrowserTest {

    @Autowired
    TaskService tasks;

    @Autowired
    LinkService links;

    @Autowired
    ResourceService resources;

    @Autowired
    AssignmentService assignments;

    record Plan(Project project, Task a, Task b) {
        String changes() {
            return "/projects/" + project.key() + "/changes";
        }
    }

    private Plan plan(Person person, ProjectRole role) {
        Project project = projects.create(
                admin(),
                new NewProject("P" + unique(), "Change " + unique(), null, LocalDate.of(2026, 3, 2), null, null, null));
        projects.addMember(admin(), project.key(), new NewMember(person.user().id(), null, role));
        Task a = tasks.create(admin(), project.key(), task("A", "3d"));
        Task b = tasks.create(admin(), project.key(), task("B", "2d"));
        links.create(admin(), project.key(), new NewLink(a.id(), b.id(), null, null, null, null));
        return new Plan(project, a, b);
    }

    private static NewTask task(String name, String duration) {
        return new NewTask(
                name, null, null, null, null, null, null, null, null, duration, null, null, null, null, null, null);
    }

    private void draftSecurityReview(Plan plan, String duration) {
        page.navigate(plan.changes());
        page.locator("#change-title-input").fill("Security review before launch");
        page.locator("#change-reason").fill("Audit finding");
        page.locator("#add-name").fill("Security review");
        page.locator("#add-duration").fill(duration);
        page.locator("#add-after").selectOption(String.valueOf(plan.a().id()));
        page.locator("#add-before").selectOption(String.valueOf(plan.b().id()));
        page.locator("#create-change").click();
    }

    private Locator listRow(String name) {
        return page.locator("tr.task-row").filter(new Locator.FilterOptions().setHasText(name));
    }

    @Test
    void aManagerDraftsSubmitsAndApprovesAChangeAndTheListShowsTheNewTaskAndTheLaterFinish() {
        Person manager = invite("Mia Manager");
        Plan plan = plan(manager, ProjectRole.MANAGER);
        logIn(manager);
        page.navigate(plan.changes());
        assertThat(page.locator("#no-changes")).isVisible();

        draftSecurityReview(plan, "5d");

        assertThat(page.locator("#flash")).containsText("drafted");
        assertThat(page.locator("#change-state")).hasText("Draft");
        assertThat(page.locator("#change-edits"))
                .containsText("Add the task \"Security review\" (5d) after 1 A before 2 B");
        assertThat(page.locator("#impact-finish")).containsText("Fri 6 Mar 2026 17:00");
        assertThat(page.locator("#impact-finish")).containsText("Fri 13 Mar 2026 17:00");
        assertThat(page.locator("#impact-finish td.numeric")).hasText("+5");
        Locator movedB = page.locator("#impact-moved tr[data-id='" + plan.b().id() + "']");
        assertThat(movedB).containsText("Thu 5 Mar 08:00");
        assertThat(movedB).containsText("Fri 13 Mar 17:00");
        assertThat(page.locator("#impact-moved tbody tr")).hasCount(1);
        assertThat(page.locator("#critical-before")).hasText("A → B");
        assertThat(page.locator("#critical-after")).hasText("A → Security review → B");
        assertThat(page.locator("#change-requests tbody tr")).hasCount(1);
        screenshot("change-request-impact");

        page.locator("#submit-change").click();
        assertThat(page.locator("#change-state")).hasText("Submitted");
        assertThat(page.locator("#change-requests tbody tr").first()).containsText("+5");
        page.locator("#decision-note").fill("Change board, 5 March");
        page.locator("#baseline-slot").selectOption("1");
        page.locator("#approve-change").click();

        assertThat(page.locator("#flash"))
                .containsText("Approved: the changes are in the plan and saved as baseline 1");
        assertThat(page.locator("#change-state")).hasText("Approved");
        assertThat(page.locator("#change-decision")).containsText("Approved by Mia Manager: Change board, 5 March");
        assertThat(page.locator("#recorded-impact")).containsText("+5 working days");
        assertThat(page.locator("#approve-change")).hasCount(0);

        page.navigate("/projects/" + plan.project().key() + "/list");
        Locator review = listRow("Security review");
        assertThat(review).isVisible();
        assertThat(review.locator("td[data-field='start']")).hasAttribute("data-value", "2026-03-05");
        assertThat(review.locator("td[data-field='finish']")).hasAttribute("data-value", "2026-03-11");
        assertThat(listRow("B").locator("td[data-field='finish']")).hasAttribute("data-value", "2026-03-13");
        assertThat(tasks.get(admin(), plan.project().key(), plan.b().id()).predecessors())
                .extracting(link -> link.predecessorName())
                .containsExactlyInAnyOrder("A", "Security review");
        screenshot("change-request-applied");

        // The Gantt chart shows the change: the new task's bar between A's and B's.
        page.navigate("/projects/" + plan.project().key() + "/gantt");
        assertThat(page.locator("#gantt")).hasAttribute("aria-busy", "false");
        assertThat(page.locator("#gantt .gantt-task")).hasCount(3);
        assertThat(page.locator("#gantt [role='row'][data-row='2']")).containsText("Security review");
        BoundingBox aBar = boxOf(page.locator("#gantt .gantt-task[data-row='0'] .gantt-bar"));
        BoundingBox bBar = boxOf(page.locator("#gantt .gantt-task[data-row='1'] .gantt-bar"));
        BoundingBox reviewBar = boxOf(page.locator("#gantt .gantt-task[data-row='2'] .gantt-bar"));
        // Adjacent working days meet within a pixel or two (bars are inset and rounded).
        assertThat(reviewBar.x).as("the review starts after A ends").isGreaterThanOrEqualTo(aBar.x + aBar.width - 2);
        assertThat(bBar.x)
                .as("B starts after the review ends")
                .isGreaterThanOrEqualTo(reviewBar.x + reviewBar.width - 2);
        assertThat(reviewBar.width)
                .as("five working days are longer than A's three")
                .isGreaterThan(aBar.width);
        screenshot("change-request-gantt");
    }

    @Test
    void aManagerProposesAResourceOnATaskSeesItsCostAndApprovingPutsItThere() {
        Person manager = invite("Ola Manager");
        Plan plan = plan(manager, ProjectRole.MANAGER);
        Resource pat = resources.create(
                admin(),
                plan.project().key(),
                new NewResource("Pat Tester", "WORK", null, null, new BigDecimal("50"), null, null));
        logIn(manager);
        page.navigate(plan.changes());
        page.locator("#change-title-input").fill("Pat reviews B");
        page.locator("#assign-task").selectOption(String.valueOf(plan.b().id()));
        page.locator("#assign-resource").selectOption(String.valueOf(pat.id()));
        page.locator("#assign-work").fill("abc");
        page.locator("#create-change").click();
        assertThat(page.locator("#change-form-errors")).containsText("Resource on a task (workHours): is required");
        assertThat(page.locator("#assign-resource")).hasValue(String.valueOf(pat.id()));

        page.locator("#assign-work").fill("10");
        page.locator("#create-change").click();

        assertThat(page.locator("#flash")).containsText("drafted");
        assertThat(page.locator("#change-edits")).containsText("Assign Pat Tester to 2 B: 10 h at 100 %");
        assertThat(page.locator("#impact-cost td.numeric")).hasText("+500.00");
        // As assigning does, B then lasts as long as Pat's 10 h: Friday until 10:00.
        assertThat(page.locator("#impact-finish td.numeric")).hasText("-0.75");
        page.locator("#submit-change").click();
        assertThat(page.locator("#change-state")).hasText("Submitted");
        page.locator("#approve-change").click();
        assertThat(page.locator("#change-state")).hasText("Approved");
        assertThat(resources.forTask(admin(), plan.project().key(), plan.b().id()))
                .singleElement()
                .satisfies(assignment -> {
                    assertThat(assignment.resourceName()).isEqualTo("Pat Tester");
                    assertThat(assignment.workMinutes()).isEqualTo(600);
                });
    }

    /**
     * B has Lee (40 an hour) at 100 % for 24 h and Pat at 100 % for 16 h, so it lasts 3 days (to Monday 9
     * March), and a fixed cost of 500. The manager, by keyboard, proposes taking Lee off B (B back to 2 days,
     * 24 h and 960 less) and a fixed cost of 800 (300 more), sees the impact and approves it.
     */
    @Test
    void aManagerTakesAResourceOffATaskAndChangesAFixedCostByKeyboard() {
        Person manager = invite("Ola Manager");
        Plan plan = plan(manager, ProjectRole.MANAGER);
        String key = plan.project().key();
        Resource lee = resources.create(
                admin(), key, new NewResource("Lee Tester", "WORK", null, null, new BigDecimal("40"), null, null));
        Resource pat = resources.create(
                admin(), key, new NewResource("Pat Tester", "WORK", null, null, new BigDecimal("50"), null, null));
        assignments.assign(admin(), key, plan.b().id(), new NewAssignment(lee.id(), null, new BigDecimal("24")));
        assignments.assign(admin(), key, plan.b().id(), new NewAssignment(pat.id(), null, new BigDecimal("16")));
        Task b = tasks.get(admin(), key, plan.b().id()).task();
        tasks.update(admin(), key, b.id(), TaskChanges.fixedCost(new BigDecimal("500"), null, b.version()));
        logIn(manager);
        page.navigate(plan.changes());

        page.locator("#change-title-input").focus();
        page.keyboard().type("Lee leaves B");
        page.locator("#resize-assignment").focus();
        page.keyboard().press("ArrowDown");
        page.locator("#change-title-input").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#change-form-errors"))
                .containsText("Units or work (units): send units or workHours (or both)");
        assertThat(page.locator("#change-title-input")).hasValue("Lee leaves B");

        page.locator("#resize-assignment").selectOption("");
        page.locator("#remove-assignment").focus();
        page.keyboard().press("ArrowDown");
        assertThat(page.locator("#remove-assignment")).hasValue(b.id() + "/" + lee.id());
        page.locator("#cost-task").focus();
        page.keyboard().press("ArrowDown");
        page.keyboard().press("ArrowDown");
        assertThat(page.locator("#cost-task")).hasValue(String.valueOf(b.id()));
        page.keyboard().press("Tab");
        page.keyboard().type("800");
        page.keyboard().press("Enter");

        assertThat(page.locator("#flash")).containsText("drafted");
        assertThat(page.locator("#change-edits")).containsText("Take Lee Tester off 2 B");
        assertThat(page.locator("#change-edits")).containsText("Set the fixed cost of 2 B to 800.00");
        assertThat(page.locator("#impact-cost td.numeric")).hasText("-660.00");
        assertThat(page.locator("#impact-work td.numeric")).hasText("-24");
        assertThat(page.locator("#impact-finish td.numeric")).hasText("-1");
        page.locator("#submit-change").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#change-state")).hasText("Submitted");
        page.locator("#approve-change").focus();
        page.keyboard().press("Enter");
        assertThat(page.locator("#change-state")).hasText("Approved");
        assertThat(resources.forTask(admin(), key, b.id()))
                .singleElement()
                .satisfies(assignment -> assertThat(assignment.resourceName()).isEqualTo("Pat Tester"));
        assertThat(tasks.get(admin(), key, b.id()).fixedCost()).isEqualByComparingTo("800");
        assertThat(tasks.get(admin(), key, b.id()).task().finish())
                .isEqualTo(java.time.LocalDateTime.of(2026, 3, 6, 17, 0));
    }

    /** The box of a bar, read again while the chart is redrawing its rows (a detached element has none). */
    private BoundingBox boxOf(Locator locator) {
        BoundingBox box = locator.boundingBox();
        long until = System.currentTimeMillis() + 10_000;
        while (box == null && System.currentTimeMillis() < until) {
            page.waitForTimeout(100);
            box = locator.boundingBox();
        }
        assertThat(box).as("the box of " + locator).isNotNull();
        return box;
    }

    @Test
    void aMemberProposesButCannotDecideAndAnApprovalAfterAnEditIsRefusedWithTheNewImpact() {
        Person member = invite("Max Member");
        Plan plan = plan(member, ProjectRole.MEMBER);
        logIn(member);

        draftSecurityReview(plan, "-2d");
        assertThat(page.locator("#change-form-errors")).containsText("New task (duration): must not be negative");
        assertThat(page.locator("#add-name")).hasValue("Security review");
        assertThat(page.locator("#no-changes")).isVisible();

        page.locator("#add-duration").fill("5d");
        page.locator("#create-change").click();
        page.locator("#submit-change").click();
        assertThat(page.locator("#change-state")).hasText("Submitted");
        assertThat(page.locator("#approve-change")).hasCount(0);
        assertThat(page.locator("#reject-change")).hasCount(0);
        String url = page.url();

        forgetSession();
        logInAsAdmin();
        page.navigate(url);
        assertThat(page.locator("#impact-finish")).containsText("Fri 13 Mar 2026 17:00");
        // Meanwhile B grows to 4 days: the impact on the page is no longer the plan's.
        Task b = tasks.get(admin(), plan.project().key(), plan.b().id()).task();
        tasks.update(
                admin(),
                plan.project().key(),
                b.id(),
                new TaskChanges(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "4d",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        b.version()));
        page.locator("#approve-change").click();

        assertThat(page.locator("#change-error")).containsText("The plan changed since this impact was computed");
        assertThat(page.locator("#change-state")).hasText("Submitted");
        assertThat(page.locator("#impact-finish")).containsText("Tue 10 Mar 2026 17:00");
        assertThat(page.locator("#impact-finish")).containsText("Tue 17 Mar 2026 17:00");
        assertThat(tasks.outline(admin(), plan.project().key())).hasSize(2);

        page.locator("#approve-change").click();
        assertThat(page.locator("#change-state")).hasText("Approved");
        assertThat(tasks.outline(admin(), plan.project().key())).hasSize(3);
        assertThat(tasks.get(admin(), plan.project().key(), plan.b().id())
                        .task()
                        .finish())
                .isEqualTo(LocalDate.of(2026, 3, 17).atTime(17, 0));
    }
}
