package org.gantry.server.web;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs axe-core (Deque's rule engine) over a page and fails on any serious or critical violation of
 * the WCAG 2.0 and 2.1 A and AA rules. Every browser test gets it through {@link BrowserTest}: each
 * page reached with {@code navigate}, {@code waitForURL}, {@code reload} or {@code goBack} is checked
 * once it has loaded (and a page reached by a click is checked before the test navigates away), the
 * final state of every test is checked, and tests check extra states (a dialog or panel open, a
 * validation error shown) with {@link BrowserTest#assertAccessible(String)}.
 *
 * <p>An analysis costs 0.5 to 2 s on this busy machine, so one URL in one state is analysed once per test.
 */
final class AccessibilityCheck {

    static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> FAILING_IMPACTS = Set.of("serious", "critical");
    private static final Set<String> NAVIGATIONS = Set.of("navigate", "waitForURL", "reload", "goBack", "goForward");

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
                        assertAccessible("loaded");
                    }
                    return result;
                });
    }

    /** Analyses the page in {@code state} unless this URL was already analysed in that state. */
    void assertAccessible(String state) {
        String url = page.url();
        if (url.isEmpty() || url.startsWith("about:") || !analysed.add(url + " | " + state)) {
            return;
        }
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
            assertAccessible("loaded");
        } catch (PlaywrightException pageWentAwayMeanwhile) {
            // A click started a navigation and the document is being replaced: nothing left to check.
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
