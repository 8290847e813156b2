package org.gantry.server.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documentation (README.md, docs/*.md, the modules' READMEs and notes) is read on GitHub and in an
 * editor, where a broken relative link is a dead end. Every relative link must name a file that exists
 * and, when it has a {@code #fragment} into a Markdown file, a heading of that file. Anchors are
 * computed as GitHub does: lower case, punctuation other than '-' and '_' dropped, spaces as '-', and
 * a repeated heading gets '-1', '-2'. Links inside code (fenced blocks, `spans`) are not links.
 */
class DocumentationLinksTests {

    /** Surefire runs in gantry-server; the repository root is one up. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

    @Test
    void everyRelativeLinkOfTheDocumentationResolves() {
        List<Path> pages = documentation(ROOT);
        assertThat(pages).contains(ROOT.resolve("README.md"), ROOT.resolve("docs/development.md"));
        assertThat(brokenLinks(pages)).isEmpty();
    }

    @Test
    void theReadmesTwoCommandsAreTheScriptsThatExistAndTheOneCiRuns() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme).contains("./run.sh --demo").contains("./test.sh").contains("http://localhost:8080/");
        assertThat(Files.isExecutable(ROOT.resolve("run.sh"))).isTrue();
        assertThat(Files.isExecutable(ROOT.resolve("test.sh"))).isTrue();
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains("./test.sh");
    }

    @Test
    void aMissingFileOrHeadingIsReportedAndCodeIsNotALink(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("README.md"), """
                # Gantry
                ## Run it
                ## Run it
                [ok](docs/api.md#rest-api-tokens) [ok](#run-it-1) [ok](docs/api.md)
                [gone](docs/gone.md) [no heading](docs/api.md#nowhere) [no heading here](#nowhere)
                `[not a link](docs/code.md)`
                ```
                [not a link either](docs/fenced.md)
                ```
                [web](https://example.com/x.md) [mail](mailto:a@example.com)
                """);
        Files.writeString(dir.resolve("docs/api.md"), """
                # REST API: tokens!
                [back](../README.md#run-it)
                """);

        Files.createDirectories(dir.resolve("module/target"));
        Files.writeString(dir.resolve("module/NOTES.md"), "[gone](missing.md)\n");
        Files.writeString(dir.resolve("module/target/copied.md"), "[build output is not checked](missing.md)\n");

        List<String> broken = brokenLinks(documentation(dir));

        assertThat(broken)
                .containsExactlyInAnyOrder(
                        "README.md:5: docs/gone.md (no such file)",
                        "README.md:5: docs/api.md#nowhere (no such heading)",
                        "README.md:5: #nowhere (no such heading)",
                        "module/NOTES.md:1: missing.md (no such file)");
    }

    /**
     * README.md first (the links are reported relative to its folder), then every other Markdown file of
     * the repository: docs/, the modules' READMEs and notes. Build output, data folders and hidden folders
     * are not documentation.
     */
    private static List<Path> documentation(Path root) {
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name =
                            dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skipped = !dir.equals(root)
                            && (name.startsWith(".")
                                    || name.equals("target")
                                    || name.equals("node_modules")
                                    || name.startsWith("gantry-data"));
                    return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.toString().endsWith(".md") && !pages.contains(file)) {
                        pages.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pages.removeIf(p -> !Files.isRegularFile(p));
        return List.copyOf(pages);
    }

    private static List<String> brokenLinks(List<Path> pages) {
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Path root = pages.get(0).getParent();
            List<String> lines = read(page);
            boolean fenced = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("```")) {
                    fenced = !fenced;
                    continue;
                }
                if (fenced) {
                    continue;
                }
                Matcher link = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
                while (link.find()) {
                    String target = link.group(1);
                    if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || target.startsWith("/")) {
                        continue; // a URL (http:, mailto:) or a path on the running server
                    }
                    int hash = target.indexOf('#');
                    String file = hash < 0 ? target : target.substring(0, hash);
                    String fragment = hash < 0 ? "" : target.substring(hash + 1);
                    Path resolved = file.isEmpty()
                            ? page
                            : page.getParent().resolve(file).normalize();
                    String where = root.relativize(page) + ":" + (i + 1) + ": " + target;
                    if (!Files.exists(resolved)) {
                        broken.add(where + " (no such file)");
                    } else if (!fragment.isEmpty()
                            && resolved.toString().endsWith(".md")
                            && !anchors.computeIfAbsent(resolved, DocumentationLinksTests::anchorsOf)
                                    .contains(fragment)) {
                        broken.add(where + " (no such heading)");
                    }
                }
            }
        }
        return broken;
    }

    /** The anchors GitHub gives the headings of a Markdown file. */
    private static Set<String> anchorsOf(Path page) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : read(page)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (fenced || !heading.matches()) {
                continue;
            }
            String slug = heading.group(1)
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}_\\- ]", "")
                    .replace(' ', '-');
            Integer count = seen.merge(slug, 1, Integer::sum);
            anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        return anchors;
    }

    private static List<String> read(Path page) {
        try {
            return Files.readAllLines(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
