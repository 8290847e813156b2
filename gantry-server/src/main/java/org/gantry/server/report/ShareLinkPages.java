package org.gantry.server.report;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.web.PageProblems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The project's share links (/projects/{key}/share-links, owners and managers): a form to create a link to the
 * dashboard or to a published report, and the list with each link's state and when it was last opened, with
 * a Revoke button. A new link's address is shown once, on the page that answers the form (not through a
 * redirect, which would keep the token in the session until it is shown).
 */
@Controller
class ShareLinkPages {

    private final ProjectService projects;
    private final ShareLinkService links;
    private final StatusReportService reports;
    private final StatusDigestService digests;

    ShareLinkPages(
            ProjectService projects, ShareLinkService links, StatusReportService reports, StatusDigestService digests) {
        this.projects = projects;
        this.links = links;
        this.reports = reports;
        this.digests = digests;
    }

    /** The digest form as typed: recipients one per line or separated by commas. */
    record DigestForm(
            String recipients, String cadence, String weekday, String sendAt, String timeZone, String content) {

        static DigestForm empty(String timeZone) {
            return new DigestForm("", "WEEKLY", "MONDAY", "08:00", timeZone, "DASHBOARD");
        }
    }

    /** A digest as the list shows it. */
    record DigestRow(StatusDigest digest, String when, String next, String last) {

        static DigestRow of(StatusDigest digest) {
            ZoneId zone = ZoneId.of(digest.timeZone());
            DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
            String day = digest.weekday() == null
                    ? "Every day"
                    : "Every " + digest.weekday().charAt(0)
                            + digest.weekday().substring(1).toLowerCase(java.util.Locale.ROOT);
            return new DigestRow(
                    digest,
                    day + " at " + digest.sendAt() + " (" + digest.timeZone() + ")",
                    minutes.format(digest.nextSendAt().atZone(zone)),
                    digest.lastSentAt() == null
                            ? "never"
                            : minutes.format(digest.lastSentAt().atZone(zone)));
        }
    }

    @PostMapping("/projects/{key}/digests")
    String schedule(
            CurrentUser user, @PathVariable String key, DigestForm form, Model model, RedirectAttributes redirect) {
        Project project = projects.get(user, key);
        var problems = new InvalidInput.Collector();
        java.time.LocalTime sendAt = null;
        if (form.sendAt() != null && !form.sendAt().isBlank()) {
            try {
                sendAt = java.time.LocalTime.parse(form.sendAt().strip());
            } catch (DateTimeParseException e) {
                problems.add("sendAt", "must be a time such as 08:00");
            }
        }
        List<String> recipients = form.recipients() == null
                ? List.of()
                : java.util.Arrays.stream(form.recipients().split("[,;\\s]+"))
                        .filter(address -> !address.isBlank())
                        .toList();
        String cadence = form.cadence() == null ? "" : form.cadence();
        try {
            problems.throwIfAny();
            StatusDigest created = digests.create(
                    user,
                    project.key(),
                    new NewStatusDigest(
                            recipients,
                            cadence,
                            cadence.equals("DAILY") ? null : form.weekday(),
                            sendAt,
                            form.timeZone(),
                            form.content()));
            redirect.addFlashAttribute(
                    "notice",
                    "Digest scheduled: " + DigestRow.of(created).when() + ", first on "
                            + DigestRow.of(created).next() + ".");
            return "redirect:/projects/" + project.key() + "/share-links#digests";
        } catch (InvalidInput e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors()
                    .forEach(p -> errors.merge(
                            p.field().startsWith("recipients") ? "recipients" : p.field(),
                            p.field().startsWith("recipients[")
                                    ? recipientName(p.field(), recipients) + " " + p.message()
                                    : p.message(),
                            (a, b) -> a + "; " + b));
            model.addAttribute("digestForm", form);
            model.addAttribute("digestErrors", errors);
            return page(user, project, CreateForm.empty(null), Map.of(), model);
        }
    }

    private static String recipientName(String field, List<String> recipients) {
        try {
            return "“" + recipients.get(Integer.parseInt(field.substring(11, field.length() - 1))) + "”";
        } catch (RuntimeException e) {
            return "an address";
        }
    }

    /**
     * The address a refused digest form stays at: reloading it, or the page's live refresh fetching its own
     * address, opens the page.
     */
    @GetMapping("/projects/{key}/digests")
    String digestForm(CurrentUser user, @PathVariable String key) {
        return "redirect:/projects/" + projects.get(user, key).key() + "/share-links#digests";
    }

    /** The address a refused cancel stays at: reloading it opens the list. */
    @GetMapping("/projects/{key}/digests/{id}/delete")
    String cancelForm(CurrentUser user, @PathVariable String key) {
        return "redirect:/projects/" + projects.get(user, key).key() + "/share-links#digests";
    }

    @PostMapping("/projects/{key}/digests/{id}/delete")
    String cancel(CurrentUser user, @PathVariable String key, @PathVariable long id, RedirectAttributes redirect) {
        Project project = projects.get(user, key);
        digests.delete(user, project.key(), id);
        redirect.addFlashAttribute("notice", "Digest cancelled: it is not sent any more.");
        return "redirect:/projects/" + project.key() + "/share-links#digests";
    }

    /** The create form as typed. {@code what} is "dashboard" or a report's id. */
    record CreateForm(String what, String label, String expiresOn, String password) {

        static CreateForm empty(Long report) {
            return new CreateForm(report == null ? "dashboard" : report.toString(), "", "", "");
        }
    }

    /** A link as the list shows it, its times in the project's time zone. */
    record LinkRow(ShareLink link, String until, String created, String lastOpened) {

        static LinkRow of(ShareLink link, ZoneId zone) {
            DateTimeFormatter minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
            return new LinkRow(
                    link,
                    // The stored instant is the start of the day after the last open one.
                    link.expiresAt() == null
                            ? "no end"
                            : link.expiresAt()
                                    .minusSeconds(1)
                                    .atZone(zone)
                                    .toLocalDate()
                                    .toString(),
                    minutes.format(link.createdAt().atZone(zone))
                            + (link.createdByName() != null ? " by " + link.createdByName() : ""),
                    link.lastOpenedAt() == null
                            ? "never"
                            : minutes.format(link.lastOpenedAt().atZone(zone)));
        }
    }

    @GetMapping("/projects/{key}/share-links")
    String page(CurrentUser user, @PathVariable String key, @RequestParam(required = false) Long report, Model model) {
        Project project = projects.get(user, key);
        return page(user, project, CreateForm.empty(report), Map.of(), model);
    }

    @PostMapping("/projects/{key}/share-links")
    String create(
            CurrentUser user, @PathVariable String key, CreateForm form, HttpServletRequest request, Model model) {
        Project project = projects.get(user, key);
        var problems = new InvalidInput.Collector();
        String what = form.what() == null ? "" : form.what().strip();
        String target = what.equals("dashboard") ? "DASHBOARD" : what.equals("gantt") ? "GANTT" : "REPORT";
        Long reportId = null;
        if (target.equals("REPORT")) {
            try {
                reportId = Long.valueOf(what);
            } catch (NumberFormatException e) {
                problems.add("what", "choose the dashboard, the Gantt chart or a published report");
            }
        }
        LocalDate expiresOn = null;
        if (form.expiresOn() != null && !form.expiresOn().isBlank()) {
            try {
                expiresOn = LocalDate.parse(form.expiresOn().strip());
            } catch (DateTimeParseException e) {
                problems.add("expiresOn", "must be a date such as 2026-12-31");
            }
        }
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            problems.throwIfAny();
            ShareLink.Created created = links.create(
                    user, project.key(), new NewShareLink(target, reportId, form.label(), expiresOn, form.password()));
            model.addAttribute(
                    "createdUrl",
                    ServletUriComponentsBuilder.fromContextPath(request)
                            .path(created.path())
                            .build()
                            .toUriString());
            model.addAttribute("createdId", created.link().id());
            return page(user, project, CreateForm.empty(null), Map.of(), model);
        } catch (InvalidInput e) {
            e.errors()
                    .forEach(p -> errors.merge(
                            p.field().equals("reportId") || p.field().equals("target") ? "what" : p.field(),
                            p.message(),
                            (a, b) -> a + "; " + b));
            return page(user, project, form, errors, model);
        }
    }

    /** The address a refused revoke stays at: reloading it opens the list. */
    @GetMapping("/projects/{key}/share-links/{id}/revoke")
    String revokeForm(CurrentUser user, @PathVariable String key) {
        return "redirect:/projects/" + projects.get(user, key).key() + "/share-links";
    }

    @PostMapping("/projects/{key}/share-links/{id}/revoke")
    String revoke(CurrentUser user, @PathVariable String key, @PathVariable long id, RedirectAttributes redirect) {
        Project project = projects.get(user, key);
        ShareLink link = links.revoke(user, project.key(), id);
        redirect.addFlashAttribute(
                "notice",
                "Link " + (link.label().isEmpty() ? "#" + link.id() : "“" + link.label() + "”")
                        + " revoked: it opens nothing from now on.");
        return "redirect:/projects/" + project.key() + "/share-links";
    }

    private String page(CurrentUser user, Project project, CreateForm form, Map<String, String> errors, Model model) {
        ZoneId zone = ZoneId.of(project.timeZone());
        List<LinkRow> list = links.list(user, project.key()).stream()
                .map(link -> LinkRow.of(link, zone))
                .toList();
        List<StatusReport.Line> published = reports.list(user, project.key()).stream()
                .filter(line -> line.state().equals("PUBLISHED"))
                .toList();
        model.addAttribute("project", project);
        model.addAttribute("tab", "reports");
        model.addAttribute("links", list);
        model.addAttribute("published", published);
        model.addAttribute("canCreate", !project.archived());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "digests",
                digests.list(user, project.key()).stream().map(DigestRow::of).toList());
        if (!model.containsAttribute("digestForm")) {
            model.addAttribute("digestForm", DigestForm.empty(project.timeZone()));
            model.addAttribute("digestErrors", Map.of());
        }
        model.addAttribute(
                "weekdays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"));
        return "report/share-links";
    }

    @ExceptionHandler({NotFound.class, Forbidden.class, Conflict.class})
    String refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return PageProblems.refusal(e, request, response, model);
    }
}
