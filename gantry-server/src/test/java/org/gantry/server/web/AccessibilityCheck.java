package org.gantry.server.web;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Runs axe-core (Deque's rule engine) over a page and fails on any serious or critical violation of
 * the WCAG 2.0 and 2.1 A and AA rules. Every browser test gets it through {@link BrowserTest}: each
 * page reached with {@code navigate}, {@code waitForURL}, {@code reload} or {@code goBack} is checked
 * once it has loaded (and a page reached by a click is checked before the test navigates away), the
 * final state of every test is checked, and tests check extra states (a dialog or panel open, a
 * validation error shown) with {@link BrowserTest#assertAccessible(String)}.
 *
 * <p>An analysis costs 0.5 to 2 s on this busy machine (6 to 9 s for a list of 60 tasks), and most tests
 * log in and pass the same pages on their way. So a kind of page on arrival (its path with project keys
 * and ids left out, and its query's parameter names) is analysed once per test JVM, and any other state
 * (the final one, or one a test names) once per URL per test.
 */
final class AccessibilityCheck {

    static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    private static final Set<String> NAVIGATIONS = Set.of("navigate", "waitForURL", "reload", "goBack", "goForward");

    private static final Set<String> ARRIVALS_ANALYSED = ConcurrentHashMap.newKeySet();

    private final Page page;
    private final Set<String> analysed = new HashSet<>();

    AccessibilityCheck(Page page) {
        this.page = page;
    }

    /**
     * The page as the tests use it: the same page, but every navigation is followed by a check of the page
     * it lands on, and preceded by a check of the page it leaves (if that was reached by a click).
     */
    Page checkingEveryNavigation() {
        return (Page) Proxy.newProxyInstance(
                Page.class.getClassLoader(), new Class<?>[] {Page.class}, (proxy, method, arguments) -> {
                    boolean navigation = NAVIGATIONS.contains(method.getName());
                    if (navigation) {
                        checkPageBeingLeft();
                    }
                    Object result;
                    try {
                        result = method.invoke(page, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (navigation) {
                        assertAccessibleOnArrival();
                    }
                    return result;
                });
    }

    /** Analyses the page in {@code state} unless this test already analysed this URL in that state. */
    void assertAccessible(String state) {
        String url = page.url();
        if (!url.isEmpty() && !url.startsWith("about:") && analysed.add(url + " | " + state)) {
            analyse(url, state);
        }
    }

    private void assertAccessibleOnArrival() {
        String url = page.url();
        if (!url.isEmpty() && !url.startsWith("about:") && ARRIVALS_ANALYSED.add(pageKind(url))) {
            analyse(url, "loaded");
        }
    }

    /** "/projects/{project}/tasks/{id}?error" for http://host/projects/DEMO/tasks/12?error=1. */
    static String pageKind(String url) {
        URI uri = URI.create(url);
        List<String> segments = new ArrayList<>(List.of(uri.getPath().split("/", -1)));
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.matches("\\d+")) {
                segments.set(i, "{id}");
            } else if (i > 0
                    && segments.get(i - 1).equals("projects")
                    && !Set.of("new", "import").contains(segment)) {
                segments.set(i, "{project}");
            }
        }
        String parameters = uri.getRawQuery() == null
                ? ""
                : Arrays.stream(uri.getRawQuery().split("&"))
                        .map(parameter -> parameter.replaceFirst("=.*", ""))
                        .sorted()
                        .distinct()
                        .collect(Collectors.joining("&", "?", ""));
        return String.join("/", segments) + parameters;
    }

    private void analyse(String url, String state) {
        long started = System.nanoTime();
        AxeResults results = new AxeBuilder(page).withTags(WCAG_A_AA).analyze();
        List<Rule> failures = results.getViolations().stream()
                .filter(rule -> FAILING_IMPACTS.contains(rule.getImpact()))
                .toList();
        System.out.printf(
                "axe: %s (%s): %d serious or critical violations, %d ms%n",
                url, state, failures.size(), (System.nanoTime() - started) / 1_000_000);
        if (!failures.isEmpty() && Boolean.getBoolean("gantry.axe.report-only")) {
            System.out.println(describe(failures));
        } else if (!failures.isEmpty()) {
            throw new AssertionError("axe-core finds serious or critical WCAG A/AA violations on " + url + " (" + state
                    + "):\n" + describe(failures));
        }
    }

    private void checkPageBeingLeft() {
        try {
            assertAccessibleOnArrival();
        } catch (RuntimeException e) {
            // A click started a navigation and the document is being replaced: nothing left to check. axe-core's
            // Playwright binding reports that as its own RuntimeException ("unable to inject") around Playwright's.
            if (!(e instanceof PlaywrightException) && !(e.getCause() instanceof PlaywrightException)) {
                throw e;
            }
        }
    }

    static String describe(List<Rule> violations) {
        return violations.stream()
                .map(rule -> "  " + rule.getId() + " (" + rule.getImpact() + ", "
                        + rule.getNodes().size() + " nodes): "
                        + rule.getHelp() + "\n"
                        + rule.getNodes().stream()
                                .limit(5)
                                .map(AccessibilityCheck::describe)
                                .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }

    private static String describe(CheckedNode node) {
        String html = node.getHtml() == null ? "" : node.getHtml();
        return "    " + node.getTarget() + " " + (html.length() > 160 ? html.substring(0, 160) + "..." : html)
                + (node.getFailureSummary() == null
                        ? ""
                        : "\n      " + node.getFailureSummary().replace("\n", "\n      "));
    }
}
