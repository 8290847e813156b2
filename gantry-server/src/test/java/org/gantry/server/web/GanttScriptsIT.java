package org.gantry.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Gantt chart's own JavaScript tests in headless Chromium, reported as JUnit tests so that a failing
 * one fails the build: the unit tests of its modules ({@code scripts/gantt-dev/unit-tests.js}, one JUnit
 * test each) and the interaction checks on the dev page ({@code scripts/gantt-dev/index.html}: real mouse
 * and keyboard input into a generated 200-task project, each edit must reach the host's callbacks).
 *
 * <p>The pages and the chart's ES modules are answered from the repository's files by Playwright's request
 * routing, so neither a server nor Node is needed, and the chart is tested exactly as it ships. The
 * interaction checks share one page and run in order, as a person would use it: a failure can make the
 * later ones fail too, the first one named is the one to read. Screenshots go to target/screenshots.
 */
class GanttScriptsIT {

    private static final String ORIGIN = "http://gantt-dev.test";
    private static final Path REPOSITORY = Paths.get("..").toAbsolutePath().normalize();
    private static final Path SCREENSHOTS = BrowserTest.SCREENSHOTS.resolve("gantt-dev");

    private static Playwright playwright;
    private static Browser browser;

    private BrowserContext context;
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void launchBrowser() {
        assertThat(REPOSITORY.resolve("scripts/gantt-dev/unit-tests.js")).exists();
        playwright = Playwright.create();
        browser = BrowserTest.launchChromium(playwright);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openContext() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        context.setDefaultTimeout(30_000);
        context.route(ORIGIN + "/**", GanttScriptsIT::answerFromRepository);
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    /** Answers a request for {@code ORIGIN/path} with the repository's file at {@code path}, or 404. */
    private static void answerFromRepository(Route route) {
        Path file = REPOSITORY
                .resolve(URI.create(route.request().url()).getPath().substring(1))
                .normalize();
        if (file.startsWith(REPOSITORY) && Files.isRegularFile(file)) {
            route.fulfill(new Route.FulfillOptions().setPath(file));
        } else {
            route.fulfill(new Route.FulfillOptions().setStatus(404));
        }
    }

    private Page open(String path, String readyExpression) {
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                consoleErrors.add(message.text() + " at " + message.location());
            }
        });
        page.onPageError(error -> consoleErrors.add("page error: " + error));
        page.navigate(ORIGIN + path);
        try {
            page.waitForFunction("() => Boolean(" + readyExpression + ")");
        } catch (RuntimeException notReady) {
            fail(path + " did not get ready (" + readyExpression + "); browser console: " + consoleErrors, notReady);
        }
        return page;
    }

    @TestFactory
    Stream<DynamicTest> unitTestsOfTheChartsModules() {
        Page page = open("/scripts/gantt-dev/unit-tests.html", "window.ganttUnitTests");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> outcomes = (List<Map<String, Object>>) page.evaluate("() => window.ganttUnitTests");
        assertThat(outcomes).as("unit tests found in unit-tests.js").isNotEmpty();
        List<String> errors = List.copyOf(consoleErrors);
        return Stream.concat(
                outcomes.stream()
                        .map(outcome -> dynamicTest((String) outcome.get("name"), () -> {
                            if (outcome.get("failure") != null) {
                                fail((String) outcome.get("failure"));
                            }
                        })),
                Stream.of(dynamicTest("the unit tests log no error in the browser console", () -> assertThat(errors)
                        .isEmpty())));
    }

    @TestFactory
    Stream<DynamicTest> interactionsOnTheDevPageReachTheHostsCallbacks() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        DevPage dev = new DevPage(open("/scripts/gantt-dev/index.html?tasks=200&zoom=day", "window.gantt"));
        return dev.checks().stream();
    }

    /** The dev page with its generated project, and the checks that drive it one after the other. */
    private final class DevPage {

        private static final String LEAF = "!t.summary && !t.milestone";

        private final Page page;
        private final Mouse mouse;
        private int index;
        private String taskId;
        private int row;

        DevPage(Page page) {
            this.page = page;
            this.mouse = page.mouse();
        }

        String log() {
            return (String) page.evaluate("document.getElementById('log').textContent");
        }

        /** left, top, width and height of the first element {@code selector} finds, or null. */
        double[] rect(String selector) {
            Object found = page.evaluate(
                    "selector => { const e = document.querySelector(selector); if (!e) return null;"
                            + " const r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }",
                    selector);
            if (found == null) {
                return null;
            }
            return ((List<?>) found)
                    .stream()
                            .mapToDouble(value -> ((Number) value).doubleValue())
                            .toArray();
        }

        double[] center(double[] rect) {
            return new double[] {rect[0] + rect[2] / 2, rect[1] + rect[3] / 2};
        }

        double[] barOfRow(int shownRow) {
            return rect(".gantt-task[data-row=\"" + shownRow + "\"] .gantt-bar");
        }

        /** The index and id of the first generated task for which the JavaScript {@code condition} on t holds. */
        Object[] taskWhere(String condition) {
            List<?> found = (List<?>) page.evaluate("(() => { const i = ganttData.tasks.findIndex((t) => " + condition
                    + "); return [i, ganttData.tasks[i].id]; })()");
            return new Object[] {((Number) found.get(0)).intValue(), found.get(1)};
        }

        /** Scrolls the task into view, row and date; returns the row it is drawn in. */
        int show(int taskIndex, String id) {
            page.evaluate(
                    "([id, index]) => { gantt.scrollToTask(id); gantt.scrollToDate(ganttData.tasks[index].start); }",
                    List.of(id, taskIndex));
            page.waitForTimeout(200);
            return ((Number) page.evaluate(
                            "index => Number(document.getElementById('gantt1-row-' + index).dataset.row)", taskIndex))
                    .intValue();
        }

        void drag(double[] start, double[] end, int steps, Runnable beforeRelease) {
            mouse.move(start[0], start[1]);
            mouse.down();
            for (int step = 1; step <= steps; step++) {
                mouse.move(
                        start[0] + (end[0] - start[0]) * step / steps, start[1] + (end[1] - start[1]) * step / steps);
                page.waitForTimeout(20);
            }
            beforeRelease.run();
            mouse.up();
        }

        void drag(double[] start, double[] end) {
            drag(start, end, 8, () -> {});
        }

        void screenshot(String name) {
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
        }

        void settle() {
            page.waitForTimeout(700);
        }

        List<DynamicTest> checks() {
            List<DynamicTest> checks = new ArrayList<>();
            checks.add(dynamicTest("resting on a bar shows its name, dates and slack", () -> {
                Object[] found = taskWhere(
                        LEAF + " && t.percentComplete > 0 && t.percentComplete < 100 && t.durationMinutes >= 1440");
                index = (int) found[0];
                taskId = (String) found[1];
                row = show(index, taskId);
                double[] start = center(barOfRow(row));
                mouse.move(start[0], start[1]);
                page.waitForTimeout(100);
                String tooltip = (String)
                        page.evaluate(
                                "(() => { const t = document.querySelector('.gantt-tooltip'); return t.hidden ? null : t.textContent; })()");
                String name = (String) page.evaluate("index => ganttData.tasks[index].name", index);
                screenshot("hover");
                assertThat(tooltip).startsWith(name).contains("total slack");
            }));
            checks.add(dynamicTest("dragging a bar calls onMoveTask and applies the host's answer", () -> {
                double[] start = center(barOfRow(row));
                drag(start, new double[] {start[0] + 90, start[1]}, 8, () -> screenshot("drag-move"));
                settle();
                assertThat(log()).contains("onMoveTask(" + taskId + ", ").contains("server moved");
                screenshot("after-move");
            }));
            checks.add(dynamicTest("dragging a bar to the edge scrolls the timeline and moves the task there", () -> {
                double scrollBefore = scrollLeft();
                double[] area = rect(".gantt-time-hbar");
                double[] bar = center(barOfRow(row));
                drag(bar, new double[] {area[0] + area[2] - 6, bar[1]}, 10, () -> page.waitForTimeout(600));
                settle();
                assertThat(scrollLeft() - scrollBefore)
                        .as("timeline scrolled by (px)")
                        .isGreaterThan(100);
                assertThat(log().split("onMoveTask\\(" + taskId + ", ", -1)).hasSize(3);
            }));
            checks.add(dynamicTest("dragging the right end calls onResizeTask", () -> {
                row = show(index, taskId);
                double[] bar = barOfRow(row);
                double[] edge = {bar[0] + bar[2] - 2, bar[1] + bar[3] / 2};
                drag(edge, new double[] {edge[0] + 60, edge[1]}, 8, () -> screenshot("drag-resize"));
                settle();
                assertThat(log()).contains("onResizeTask(" + taskId + ", ");
            }));
            checks.add(dynamicTest("dragging the progress handle calls onProgressChange", () -> {
                double[] handle = center(rect(".gantt-task[data-row=\"" + row + "\"] .gantt-handle-progress"));
                drag(handle, new double[] {handle[0] + 25, handle[1]}, 8, () -> screenshot("drag-progress"));
                settle();
                assertThat(log()).contains("onProgressChange(" + taskId + ", ");
            }));
            checks.add(
                    dynamicTest("dragging from the finish circle to a bar calls onCreateLink with FINISH_START", () -> {
                        double[] area = rect(".gantt-time-hbar");
                        int targetRow = row + 3;
                        double[] target = barOfRow(targetRow);
                        while (target == null || !(area[0] + 10 < target[0] && target[0] < area[0] + area[2] - 40)) {
                            targetRow++;
                            target = barOfRow(targetRow);
                        }
                        double[] circle =
                                center(rect(".gantt-task[data-row=\"" + row + "\"] [data-part=\"link-finish\"]"));
                        drag(
                                circle,
                                new double[] {target[0] + 4, target[1] + target[3] / 2},
                                12,
                                () -> screenshot("drag-link"));
                        settle();
                        String log = log();
                        assertThat(log).contains("onCreateLink(" + taskId + ", ");
                        assertThat(log.split("onCreateLink", 2)[1].split("\n")[0])
                                .contains("FINISH_START");
                    }));
            checks.add(dynamicTest("a refused move snaps back and shows the reason on the row", () -> {
                Object[] done = taskWhere(LEAF + " && t.percentComplete === 100");
                int doneIndex = (int) done[0];
                double[] bar = center(barOfRow(show(doneIndex, (String) done[1])));
                drag(bar, new double[] {bar[0] + 60, bar[1]});
                settle();
                screenshot("refused-move");
                assertThat((String) page.evaluate(
                                "index => document.getElementById('gantt1-row-' + index)"
                                        + ".querySelector('.gantt-row-error')?.textContent",
                                doneIndex))
                        .isNotBlank();
            }));
            checks.add(dynamicTest("clicking a row selects it and ArrowDown selects the next one", () -> {
                show(index, taskId);
                double[] name = center(rect("#gantt1-row-" + index + " .gantt-column-name"));
                mouse.click(name[0], name[1]);
                page.waitForTimeout(200);
                assertThat(log()).contains("onSelect(" + taskId + ")");
                page.keyboard().press("ArrowDown");
                page.waitForTimeout(100);
                String nextId = (String) page.evaluate("index => ganttData.tasks[index + 1].id", index);
                assertThat(log()).contains("onSelect(" + nextId + ")");
                assertThat(page.evaluate("document.querySelector('.gantt').getAttribute('aria-activedescendant')"))
                        .as("the selected row is the active descendant")
                        .isEqualTo("gantt1-row-" + (index + 1));
            }));
            checks.add(dynamicTest("ArrowLeft collapses a summary, ArrowRight expands it and Enter opens it", () -> {
                Object[] summary = taskWhere("t.summary && t.level === 2");
                int summaryIndex = (int) summary[0];
                String summaryId = (String) summary[1];
                show(summaryIndex, summaryId);
                page.evaluate("id => gantt.select(id)", summaryId);
                String expanded =
                        "index => document.getElementById('gantt1-row-' + index).getAttribute('aria-expanded')";
                page.keyboard().press("ArrowLeft");
                page.waitForTimeout(100);
                assertThat(page.evaluate(expanded, summaryIndex)).isEqualTo("false");
                screenshot("collapsed");
                page.keyboard().press("ArrowRight");
                page.waitForTimeout(100);
                assertThat(page.evaluate(expanded, summaryIndex)).isEqualTo("true");
                page.keyboard().press("Enter");
                page.waitForTimeout(100);
                assertThat(log()).contains("onOpenTask(" + summaryId + ")");
                screenshot("keyboard-focus");
            }));
            checks.add(dynamicTest("double-clicking a bar or a table row opens the task", () -> {
                double[] bar = center(barOfRow(show(index, taskId)));
                mouse.dblclick(bar[0], bar[1]);
                page.waitForTimeout(200);
                assertThat(log()).contains("onOpenTask(" + taskId + ")");
                page.evaluate("document.getElementById('log').textContent = ''");
                double[] cell = center(rect("#gantt1-row-" + index + " .gantt-column-name"));
                mouse.dblclick(cell[0], cell[1]);
                page.waitForTimeout(200);
                assertThat(log()).contains("onOpenTask(" + taskId + ")");
            }));
            checks.add(dynamicTest("exportPng() resolves with a PNG", () -> {
                String dataUrl = (String) page.evaluate("gantt.exportPng().then((blob) => new Promise((resolve) => {"
                        + " const reader = new FileReader(); reader.onload = () => resolve(reader.result);"
                        + " reader.readAsDataURL(blob); }))");
                byte[] png = Base64.getDecoder().decode(dataUrl.split(",", 2)[1]);
                Files.write(SCREENSHOTS.resolve("export.png"), png);
                assertThat(png).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
            }));
            checks.add(dynamicTest("dragging the splitter resizes the table", () -> {
                double[] splitter = center(rect(".gantt-splitter"));
                drag(splitter, new double[] {splitter[0] - 120, splitter[1]});
                page.waitForTimeout(200);
                double tableWidth = ((Number) page.evaluate(
                                "document.querySelector('.gantt-table-body').getBoundingClientRect().width"))
                        .doubleValue();
                assertThat(tableWidth).isBetween(397.0, 403.0);
            }));
            checks.add(dynamicTest("every zoom level draws, and nothing was logged as an error", () -> {
                for (String zoom : List.of("week", "month", "quarter", "year")) {
                    page.evaluate("zoom => gantt.setZoom(zoom)", zoom);
                    page.waitForTimeout(200);
                    screenshot("zoom-" + zoom);
                }
                assertThat(consoleErrors).as("errors in the browser console").isEmpty();
            }));
            return checks;
        }

        double scrollLeft() {
            return ((Number) page.evaluate("document.querySelector('.gantt-time-hbar').scrollLeft")).doubleValue();
        }
    }
}
