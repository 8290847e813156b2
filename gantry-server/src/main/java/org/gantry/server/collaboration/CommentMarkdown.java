package org.gantry.server.collaboration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.autolink.AutolinkType;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Turns a comment's Markdown into HTML that is safe to put in a page, and finds whom it mentions and
 * which tasks it names.
 *
 * <p>Three walls against script injection: CommonMark escapes any raw HTML in the text (it is shown,
 * not interpreted) and drops unsafe link targets ({@code javascript:}); jsoup then keeps only an
 * allow-list of tags and attributes (no images: they would load from anywhere and track readers);
 * and the page's Content-Security-Policy runs no inline script. The mention and reference elements
 * are added after cleaning, built by us from resolved ids, never from the text's markup.
 *
 * <p>Mentions are {@code @} followed by an e-mail address ({@code @ana@example.com}, what the
 * autocomplete inserts); they show as {@code @Ana Lopez}. References are {@code #} and a WBS code
 * ({@code #2.1.3}) and link to that task. Neither is looked for inside code or links.
 */
final class CommentMarkdown {

    static final Pattern MENTION =
            Pattern.compile("(?<![\\w@.])@([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");
    static final Pattern REFERENCE = Pattern.compile("(?<![\\w&#/])#(\\d+(?:\\.\\d+)*)(?!\\w)");

    private static final List<Extension> EXTENSIONS = List.of(
            AutolinkExtension.builder()
                    .linkTypes(AutolinkType.URL, AutolinkType.WWW)
                    .build(),
            StrikethroughExtension.create(),
            TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .build();
    private static final Safelist ALLOWED = Safelist.relaxed()
            .removeTags("img")
            .addTags("del", "s", "hr")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addProtocols("a", "href", "http", "https", "mailto");
    private static final Set<String> NO_LINKING = Set.of("a", "code", "pre");

    record Person(long id, String name) {}

    record TaskReference(long id, String wbs, String name, String href) {}

    /** The HTML, who was mentioned, and the mentions that name nobody in the project. */
    record Rendered(String html, Set<Long> mentionedUserIds, List<String> unknownMentions) {}

    private CommentMarkdown() {}

    /**
     * @param people finds a member of the project by e-mail (case-insensitive)
     * @param tasks finds a task of the project by WBS code
     */
    static Rendered render(
            String markdown,
            Function<String, Optional<Person>> people,
            Function<String, Optional<TaskReference>> tasks) {
        String raw = RENDERER.render(PARSER.parse(markdown));
        Document dirty = Jsoup.parseBodyFragment(raw);
        Document clean = new Cleaner(ALLOWED).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        Set<Long> mentioned = new LinkedHashSet<>();
        Map<String, Boolean> unknown = new LinkedHashMap<>();
        List<TextNode> texts = new ArrayList<>();
        collectTexts(clean.body(), texts);
        for (TextNode text : texts) {
            link(text, people, tasks, mentioned, unknown);
        }
        return new Rendered(clean.body().html(), mentioned, List.copyOf(unknown.keySet()));
    }

    /** The e-mail addresses a text mentions, in order, without repeats. */
    static Set<String> mentionedEmails(String markdown) {
        Set<String> emails = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(markdown == null ? "" : markdown);
        while (matcher.find()) {
            emails.add(matcher.group(1));
        }
        return emails;
    }

    private static void collectTexts(Element element, List<TextNode> texts) {
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text) {
                texts.add(text);
            } else if (child instanceof Element inner && !NO_LINKING.contains(inner.normalName())) {
                collectTexts(inner, texts);
            }
        }
    }

    private static void link(
            TextNode text,
            Function<String, Optional<Person>> people,
            Function<String, Optional<TaskReference>> tasks,
            Set<Long> mentioned,
            Map<String, Boolean> unknown) {
        String value = text.getWholeText();
        List<Node> replacement = new ArrayList<>();
        int at = 0;
        Matcher mention = MENTION.matcher(value);
        Matcher reference = REFERENCE.matcher(value);
        while (true) {
            boolean hasMention = mention.find(at);
            int mentionStart = hasMention ? mention.start() : Integer.MAX_VALUE;
            boolean hasReference = reference.find(at);
            int referenceStart = hasReference ? reference.start() : Integer.MAX_VALUE;
            if (!hasMention && !hasReference) {
                break;
            }
            if (mentionStart <= referenceStart) {
                String email = mention.group(1);
                Optional<Person> person = people.apply(email);
                if (person.isPresent()) {
                    replacement.add(new TextNode(value.substring(at, mentionStart)));
                    mentioned.add(person.get().id());
                    replacement.add(new Element("span")
                            .addClass("mention")
                            .attr("data-user-id", Long.toString(person.get().id()))
                            .attr("title", email)
                            .text("@" + person.get().name()));
                } else {
                    unknown.put(email, true);
                    replacement.add(new TextNode(value.substring(at, mention.end())));
                }
                at = mention.end();
            } else {
                Optional<TaskReference> task = tasks.apply(reference.group(1));
                replacement.add(new TextNode(value.substring(at, task.isPresent() ? referenceStart : reference.end())));
                if (task.isPresent()) {
                    replacement.add(new Element("a")
                            .addClass("task-reference")
                            .attr("href", task.get().href())
                            .attr("data-task-id", Long.toString(task.get().id()))
                            .attr("title", task.get().wbs() + " " + task.get().name())
                            .text("#" + task.get().wbs() + " " + task.get().name()));
                }
                at = reference.end();
            }
        }
        if (replacement.isEmpty()) {
            return;
        }
        replacement.add(new TextNode(value.substring(at)));
        for (Node node : replacement) {
            text.before(node);
        }
        text.remove();
    }
}
