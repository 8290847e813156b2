import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One headless Chromium page, driven through Playwright for Java by the measuring scripts (browser.py):
 * one JSON command a line on standard input, one JSON answer a line on standard output, either
 * {"value": ...} or {"error": "..."}. Commands: navigate (url, ready: a JavaScript expression to wait for,
 * timeoutSeconds), evaluate (expression; a promise is awaited), screenshot (path), startTracing
 * (categories, path), stopTracing. Playwright's own log goes to standard error.
 *
 * <p>Run by {@code java -cp <class path of pom.xml> PageDriver.java [chromium]}; the browser is Debian's
 * Chromium (or the path given), never one Playwright downloads.
 */
public class PageDriver {

    public static void main(String[] arguments) throws Exception {
        String chromium = arguments.length > 0 ? arguments[0] : "/usr/bin/chromium";
        Gson gson = new Gson();
        PrintStream answers = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        try (Playwright playwright = Playwright.create()) {
            Browser browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(Paths.get(chromium))
                            .setHeadless(true)
                            .setArgs(List.of(
                                    "--no-sandbox",
                                    "--disable-gpu",
                                    "--disable-background-networking",
                                    "--disable-component-update",
                                    "--disable-sync",
                                    "--no-first-run",
                                    // A background renderer would be throttled; frame timing is what we measure.
                                    "--disable-renderer-backgrounding",
                                    "--disable-background-timer-throttling",
                                    "--disable-backgrounding-occluded-windows")));
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 900));
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = commands.readLine()) != null; ) {
                JsonObject command = gson.fromJson(line, JsonObject.class);
                Map<String, Object> answer = new HashMap<>();
                try {
                    answer.put("value", run(browser, page, command));
                } catch (RuntimeException failed) {
                    answer.put("error", String.valueOf(failed.getMessage()));
                }
                answers.println(gson.toJson(answer));
            }
        }
    }

    private static Object run(Browser browser, Page page, JsonObject command) {
        switch (command.get("command").getAsString()) {
            case "navigate" -> {
                double timeout = 1000 * command.get("timeoutSeconds").getAsDouble();
                page.navigate(command.get("url").getAsString(), new Page.NavigateOptions().setTimeout(timeout));
                page.waitForFunction(
                        "() => Boolean(" + command.get("ready").getAsString() + ")",
                        null,
                        new Page.WaitForFunctionOptions().setTimeout(timeout));
                return null;
            }
            case "evaluate" -> {
                return page.evaluate(command.get("expression").getAsString());
            }
            case "screenshot" -> {
                page.screenshot(new Page.ScreenshotOptions()
                        .setPath(Paths.get(command.get("path").getAsString())));
                return null;
            }
            case "startTracing" -> {
                browser.startTracing(
                        page,
                        new Browser.StartTracingOptions()
                                .setPath(Paths.get(command.get("path").getAsString()))
                                .setCategories(Arrays.asList(
                                        command.get("categories").getAsString().split(","))));
                return null;
            }
            case "stopTracing" -> {
                browser.stopTracing();
                return null;
            }
            default -> throw new IllegalArgumentException("unknown command " + command);
        }
    }
}
