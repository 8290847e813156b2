package org.gantry.server.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.PageOf;
import org.gantry.server.web.Labels;
import org.gantry.server.web.ShellPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The security audit log for system admins: filter by person, kind and days (a plain GET form, so
 * every filtered page has its own address), 50 rows a page.
 */
@Controller
@ShellPage
class AuditPages {

    private static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final AuditLog audit;

    AuditPages(AuditLog audit) {
        this.audit = audit;
    }

    /** A row as the table shows it. */
    public record Row(String at, String kind, String who, String via, String address, String subject, String change) {
        static Row of(AuditEntry entry) {
            String who = entry.actorEmail() == null ? "(not signed in)" : entry.actorEmail();
            String change = String.join(
                    "; ",
                    java.util.stream.Stream.of(
                                    entry.project() == null ? null : "project " + entry.project(),
                                    entry.detail(),
                                    entry.oldValue() == null && entry.newValue() == null
                                            ? null
                                            : (entry.oldValue() == null ? "–" : entry.oldValue()) + " → "
                                                    + (entry.newValue() == null ? "–" : entry.newValue()))
                            .filter(part -> part != null && !part.isBlank())
                            .toList());
            return new Row(
                    SECONDS.format(entry.at()),
                    entry.kind().label(),
                    who,
                    entry.tokenId() == null ? "" : "API token " + entry.tokenId(),
                    entry.address() == null ? "" : entry.address(),
                    entry.subjectEmail() == null ? "" : entry.subjectEmail(),
                    change);
        }
    }

    /** The filter as typed, to fill the form again. */
    public record Filter(String person, String kind, String from, String to) {}

    @GetMapping("/admin/audit")
    String audit(
            CurrentUser user,
            @RequestParam(required = false) String person,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String page,
            Model model) {
        if (!user.systemAdmin()) {
            throw new Forbidden("Only system admins can read the audit log.");
        }
        model.addAttribute("section", "admin");
        model.addAttribute("kinds", Arrays.asList(AuditKind.values()));
        Filter filter = new Filter(blankToEmpty(person), blankToEmpty(kind), blankToEmpty(from), blankToEmpty(to));
        model.addAttribute("filter", filter);
        List<String> problems = new ArrayList<>();
        AuditKind chosenKind = null;
        if (!filter.kind().isEmpty()) {
            try {
                chosenKind = AuditKind.valueOf(filter.kind());
            } catch (IllegalArgumentException e) {
                problems.add("Kind: choose one from the list.");
            }
        }
        LocalDate fromDate = date(filter.from(), "From", problems);
        LocalDate toDate = date(filter.to(), "To", problems);
        int pageNumber = 0;
        if (page != null && !page.isBlank()) {
            try {
                pageNumber = Math.max(0, Integer.parseInt(page.strip()) - 1);
            } catch (NumberFormatException e) {
                problems.add("Page: a whole number.");
            }
        }
        PageOf<AuditEntry> entries = new PageOf<>(List.of(), 0, PAGE_SIZE, 0);
        if (problems.isEmpty()) {
            try {
                entries = audit.page(
                        user,
                        new AuditQuery(
                                filter.person(),
                                chosenKind == null ? List.of() : List.of(chosenKind),
                                fromDate,
                                toDate,
                                pageNumber,
                                PAGE_SIZE));
            } catch (InvalidInput e) {
                e.errors().forEach(problem -> problems.add(Labels.field(problem.field()) + " " + problem.message()));
            }
        }
        model.addAttribute("problems", problems);
        model.addAttribute("rows", entries.items().stream().map(Row::of).toList());
        long pages = Math.max(1, (entries.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("pageNumber", entries.page() + 1);
        model.addAttribute("pages", pages);
        model.addAttribute("total", entries.total());
        model.addAttribute("previous", entries.page() > 0 ? link(filter, entries.page()) : null);
        model.addAttribute("next", entries.page() + 1 < pages ? link(filter, entries.page() + 2) : null);
        return "admin/audit";
    }

    private static String link(Filter filter, int page) {
        var uri = UriComponentsBuilder.fromPath("/admin/audit");
        if (!filter.person().isEmpty()) {
            uri.queryParam("person", filter.person());
        }
        if (!filter.kind().isEmpty()) {
            uri.queryParam("kind", filter.kind());
        }
        if (!filter.from().isEmpty()) {
            uri.queryParam("from", filter.from());
        }
        if (!filter.to().isEmpty()) {
            uri.queryParam("to", filter.to());
        }
        uri.queryParam("page", page);
        return uri.encode().build().toUriString();
    }

    private static LocalDate date(String text, String label, List<String> problems) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(label + ": a date such as 2026-03-02.");
            return null;
        }
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text.strip();
    }
}
