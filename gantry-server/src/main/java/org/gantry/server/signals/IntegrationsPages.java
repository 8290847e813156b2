package org.gantry.server.signals;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gantry.server.identity.ClientAddresses;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.gantry.server.task.StatusService;
import org.gantry.server.task.TaskStatus;
import org.gantry.server.web.FieldMessages;
import org.gantry.server.web.ShellPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Integrations page of a project ({@code /projects/{key}/integrations}, owners and managers): its incoming
 * webhooks (the URL and header to enter at the git host, the deliveries received), its status rules, and its
 * outgoing webhooks, each with a page of its own for editing it and reading its delivery log. Everything goes
 * through the services the REST API uses, so the page refuses what the API refuses (members and stakeholders:
 * 403, people outside the project: 404) and checks what it checks.
 *
 * <p>A secret is shown once, in the answer to the form that made it (creating or rotating), never in an
 * address or a redirect. Other outcomes come back in the address ({@code done}), as on the RAID log, because the
 * page refetches its own address after every change of the project; a refused form is answered with the page
 * itself and status 200, the messages next to the fields.
 */
@Controller
@ShellPage
@RequestMapping("/projects/{key}/integrations")
class IntegrationsPages {
    static final int LOG_PAGE_SIZE = 20;

    private final ProjectService projects;
    private final WebhookService webhooks;
    private final StatusRuleService statusRules;
    private final OutgoingWebhookService outgoing;
    private final StatusService statuses;
    private final ClientAddresses clientAddresses;

    IntegrationsPages(
            ProjectService projects,
            WebhookService webhooks,
            StatusRuleService statusRules,
            OutgoingWebhookService outgoing,
            StatusService statuses,
            ClientAddresses clientAddresses) {
        this.projects = projects;
        this.webhooks = webhooks;
        this.statusRules = statusRules;
        this.outgoing = outgoing;
        this.statuses = statuses;
        this.clientAddresses = clientAddresses;
    }

    /** A secret just made, shown this once with what to configure at the other end. */
    record ShownSecret(String id, String title, String secret, String header, String url) {}

    /** The add form of an incoming webhook as typed. */
    record IncomingForm(String provider, String name) {
        static final IncomingForm EMPTY = new IncomingForm("github", "");
    }

    /** The status rules form as typed: the hotfix window stays text until it is a number. */
    record RulesForm(
            String pullRequestOpened,
            String pullRequestMerged,
            String deployedToProduction,
            String productionEnvironment,
            String hotfixWithinHours,
            Integer version) {
        static RulesForm of(StatusRules rules) {
            return new RulesForm(
                    rules.pullRequestOpened(),
                    rules.pullRequestMerged(),
                    rules.deployedToProduction(),
                    rules.productionEnvironment(),
                    rules.hotfixWithinHours() == null
                            ? ""
                            : rules.hotfixWithinHours().toString(),
                    rules.version());
        }
    }

    /** A status rule's select: its field, its label, the status chosen, and whether that is no status any more. */
    record RuleChoice(String field, String label, String chosen, boolean unknown) {}

    /** An outgoing webhook's form as typed (adding or editing). */
    record OutgoingForm(String name, String url, List<String> events, boolean active, Integer version) {
        static final OutgoingForm EMPTY = new OutgoingForm("", "", OutgoingWebhookService.EVENTS, true, null);

        static OutgoingForm of(OutgoingWebhook webhook) {
            return new OutgoingForm(
                    webhook.name(), webhook.url(), webhook.events(), webhook.active(), webhook.version());
        }
    }

    @GetMapping
    String page(CurrentUser user, @PathVariable String key, @RequestParam(required = false) String done, Model model) {
        String notice = done == null
                ? null
                : switch (done) {
                    case "webhook-deleted" -> "Incoming webhook deleted.";
                    case "rules-saved" -> "Status rules saved.";
                    case "outgoing-deleted" -> "Outgoing webhook deleted.";
                    case "turned-on" -> "Outgoing webhook turned on.";
                    case "turned-off" -> "Outgoing webhook turned off.";
                    case "stale" -> "Someone else changed that webhook meanwhile; it is shown as it is now.";
                    default -> null;
                };
        model.addAttribute("notice", notice);
        return overview(user, key, model);
    }

    @PostMapping("/webhooks")
    String addIncoming(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) String provider,
            @RequestParam(required = false) String name,
            HttpServletRequest request,
            Model model) {
        try {
            CreatedWebhook created =
                    webhooks.create(user, key, new NewWebhook(name, provider), clientAddresses.of(request));
            model.addAttribute(
                    "shownSecret",
                    incomingSecret(created, "Webhook “" + created.webhook().name() + "” added"));
        } catch (InvalidInput e) {
            model.addAttribute("incomingForm", new IncomingForm(provider, name));
            model.addAttribute("incomingErrors", FieldMessages.of(e));
        } catch (Conflict e) {
            model.addAttribute("incomingForm", new IncomingForm(provider, name));
            model.addAttribute("incomingErrors", Map.of("form", e.getMessage()));
        }
        return overview(user, key, model);
    }

    @PostMapping("/webhooks/{id}/rotate")
    String rotateIncoming(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            HttpServletRequest request,
            Model model) {
        try {
            CreatedWebhook rotated =
                    webhooks.rotate(user, key, id, new SecretRotation(version), clientAddresses.of(request));
            model.addAttribute(
                    "shownSecret",
                    incomingSecret(
                            rotated, "New secret of “" + rotated.webhook().name() + "”"));
        } catch (StaleVersion e) {
            model.addAttribute(
                    "notice",
                    "Someone else rotated that webhook's secret meanwhile; nothing was changed. Rotate again for a"
                            + " secret of your own.");
        }
        return overview(user, key, model);
    }

    @PostMapping("/webhooks/{id}/delete")
    String deleteIncoming(
            CurrentUser user, @PathVariable String key, @PathVariable long id, HttpServletRequest request) {
        webhooks.delete(user, key, id, clientAddresses.of(request));
        return "redirect:/projects/" + key + "/integrations?done=webhook-deleted#incoming";
    }

    @PostMapping("/status-rules")
    String saveRules(CurrentUser user, @PathVariable String key, RulesForm form, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer hours = null;
        String typedHours =
                form.hotfixWithinHours() == null ? "" : form.hotfixWithinHours().strip();
        if (!typedHours.isEmpty()) {
            try {
                hours = Integer.valueOf(typedHours);
            } catch (NumberFormatException e) {
                errors.put("hotfixWithinHours", "must be a whole number of hours, or empty to turn the rule off");
            }
        }
        if (errors.isEmpty()) {
            try {
                statusRules.update(
                        user,
                        key,
                        new StatusRuleChanges(
                                form.pullRequestOpened(),
                                form.pullRequestMerged(),
                                form.deployedToProduction(),
                                form.productionEnvironment(),
                                hours,
                                form.version()));
                return "redirect:/projects/" + key + "/integrations?done=rules-saved#status-rules";
            } catch (StaleVersion e) {
                // The form shows the rules as they are saved now; what the person chose is listed beside it.
                StatusRules now = (StatusRules) e.current();
                model.addAttribute("rulesConflict", differences(form, now, statusNames(user, key)));
                model.addAttribute("rulesForm", RulesForm.of(now));
                return overview(user, key, model);
            } catch (InvalidInput e) {
                errors.putAll(FieldMessages.of(e));
            }
        }
        model.addAttribute("rulesForm", form);
        model.addAttribute("ruleErrors", errors);
        return overview(user, key, model);
    }

    @PostMapping("/outgoing")
    String addOutgoing(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String url,
            @RequestParam(required = false) List<String> events,
            @RequestParam(required = false) String active,
            Model model) {
        List<String> chosen = events == null ? List.of() : events;
        OutgoingForm form = new OutgoingForm(name, url, chosen, active != null, null);
        try {
            CreatedOutgoingWebhook created =
                    outgoing.create(user, key, new NewOutgoingWebhook(name, url, chosen, active != null));
            model.addAttribute(
                    "shownSecret",
                    outgoingSecret(
                            created, "Outgoing webhook “" + created.webhook().name() + "” added"));
        } catch (InvalidInput e) {
            model.addAttribute("outgoingForm", form);
            model.addAttribute("outgoingErrors", FieldMessages.of(e));
        } catch (Conflict e) {
            model.addAttribute("outgoingForm", form);
            model.addAttribute("outgoingErrors", Map.of("form", e.getMessage()));
        }
        return overview(user, key, model);
    }

    @GetMapping("/outgoing/{id}")
    String outgoingPage(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String done,
            @RequestHeader(name = "X-Gantry-Background", required = false) String background,
            Model model) {
        if ("saved".equals(done)) {
            model.addAttribute("notice", "Outgoing webhook saved.");
        } else if ("turned-on".equals(done)) {
            model.addAttribute("notice", "Outgoing webhook turned on.");
        } else if ("turned-off".equals(done)) {
            model.addAttribute("notice", "Outgoing webhook turned off.");
        } else if ("stale".equals(done)) {
            model.addAttribute(
                    "notice",
                    "Someone else changed this webhook meanwhile; nothing was changed. It is shown as it is now.");
        }
        OutgoingWebhook webhook;
        try {
            webhook = outgoing.get(user, key, id);
        } catch (NotFound e) {
            if (background == null) {
                throw e;
            }
            // The page's own refresh after someone deleted the webhook: regions saying so, not a failed request.
            model.addAttribute("key", key);
            return "signals/outgoing-gone";
        }
        return outgoingDetails(user, key, webhook, OutgoingForm.of(webhook), Map.of(), pageNumber(page), model);
    }

    @PostMapping("/outgoing/{id}")
    String saveOutgoing(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String url,
            @RequestParam(required = false) List<String> events,
            @RequestParam(required = false) String active,
            @RequestParam(required = false) Integer version,
            Model model) {
        List<String> chosen = events == null ? List.of() : events;
        OutgoingForm form = new OutgoingForm(name, url, chosen, active != null, version);
        try {
            // The form always sends every field: an empty name or address is a mistake to show, not "keep it".
            outgoing.update(
                    user,
                    key,
                    id,
                    new OutgoingWebhookChanges(
                            name == null ? "" : name, url == null ? "" : url, chosen, active != null, version));
            return "redirect:/projects/" + key + "/integrations/outgoing/" + id + "?done=saved";
        } catch (StaleVersion e) {
            OutgoingWebhook now = outgoing.get(user, key, id);
            model.addAttribute("conflict", differences(form, now));
            return outgoingDetails(user, key, now, OutgoingForm.of(now), Map.of(), 0, model);
        } catch (InvalidInput e) {
            return outgoingDetails(user, key, outgoing.get(user, key, id), form, FieldMessages.of(e), 0, model);
        }
    }

    /** Turns a webhook on or off from the list or its page; {@code back} says which one to return to. */
    @PostMapping("/outgoing/{id}/active")
    String switchOutgoing(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam boolean active,
            @RequestParam(required = false) Integer version,
            @RequestParam(required = false) String back) {
        String done;
        try {
            outgoing.update(user, key, id, new OutgoingWebhookChanges(null, null, null, active, version));
            done = active ? "turned-on" : "turned-off";
        } catch (StaleVersion e) {
            done = "stale";
        }
        return "details".equals(back)
                ? "redirect:/projects/" + key + "/integrations/outgoing/" + id + "?done=" + done
                : "redirect:/projects/" + key + "/integrations?done=" + done + "#outgoing";
    }

    @PostMapping("/outgoing/{id}/rotate")
    String rotateOutgoing(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            Model model) {
        try {
            CreatedOutgoingWebhook rotated = outgoing.rotate(user, key, id, new SecretRotation(version));
            model.addAttribute(
                    "shownSecret",
                    outgoingSecret(
                            rotated, "New secret of “" + rotated.webhook().name() + "”"));
        } catch (StaleVersion e) {
            model.addAttribute(
                    "notice",
                    "Someone else changed this webhook meanwhile; nothing was changed. Rotate again if needed.");
        }
        OutgoingWebhook webhook = outgoing.get(user, key, id);
        return outgoingDetails(user, key, webhook, OutgoingForm.of(webhook), Map.of(), 0, model);
    }

    @PostMapping("/outgoing/{id}/delete")
    String deleteOutgoing(CurrentUser user, @PathVariable String key, @PathVariable long id) {
        outgoing.delete(user, key, id);
        return "redirect:/projects/" + key + "/integrations?done=outgoing-deleted#outgoing";
    }

    private String overview(CurrentUser user, String key, Model model) {
        Project project = projects.get(user, key);
        // The webhooks' list is the check: it refuses members and stakeholders (403) as the API does.
        List<Webhook> incoming = webhooks.list(user, key);
        StatusRules rules = statusRules.get(user, key);
        common(project, model);
        model.addAttribute("webhooks", incoming);
        model.addAttribute("providers", providers());
        model.addAttribute("rules", rules);
        List<TaskStatus> choices = statuses.list(user, key);
        model.addAttribute("statuses", choices);
        model.addAttribute("maximumHotfixHours", StatusRuleService.MAXIMUM_HOTFIX_HOURS);
        model.addAttribute("outgoing", outgoing.list(user, key));
        model.addAttribute("eventChoices", OutgoingWebhookService.EVENTS);
        if (!model.containsAttribute("incomingForm")) {
            model.addAttribute("incomingForm", IncomingForm.EMPTY);
        }
        if (!model.containsAttribute("incomingErrors")) {
            model.addAttribute("incomingErrors", Map.of());
        }
        if (!model.containsAttribute("rulesForm")) {
            model.addAttribute("rulesForm", RulesForm.of(rules));
        }
        RulesForm shown = (RulesForm) model.getAttribute("rulesForm");
        List<String> keys = choices.stream().map(TaskStatus::key).toList();
        model.addAttribute(
                "ruleChoices",
                List.of(
                        ruleChoice(
                                "pullRequestOpened", "Pull request opened → status", shown.pullRequestOpened(), keys),
                        ruleChoice(
                                "pullRequestMerged", "Pull request merged → status", shown.pullRequestMerged(), keys),
                        ruleChoice(
                                "deployedToProduction",
                                "Deployed to production → status",
                                shown.deployedToProduction(),
                                keys)));
        if (!model.containsAttribute("ruleErrors")) {
            model.addAttribute("ruleErrors", Map.of());
        }
        if (!model.containsAttribute("outgoingForm")) {
            model.addAttribute("outgoingForm", OutgoingForm.EMPTY);
        }
        if (!model.containsAttribute("outgoingErrors")) {
            model.addAttribute("outgoingErrors", Map.of());
        }
        return "signals/integrations";
    }

    private String outgoingDetails(
            CurrentUser user,
            String key,
            OutgoingWebhook webhook,
            OutgoingForm form,
            Map<String, String> errors,
            int page,
            Model model) {
        Project project = projects.get(user, key);
        common(project, model);
        model.addAttribute("webhook", webhook);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("eventChoices", OutgoingWebhookService.EVENTS);
        model.addAttribute("log", outgoing.deliveryPage(user, key, webhook.id(), page, LOG_PAGE_SIZE));
        return "signals/outgoing-webhook";
    }

    private static void common(Project project, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("tab", "integrations");
        model.addAttribute("canChange", !project.archived());
        model.addAttribute(
                "minutes", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of(project.timeZone())));
    }

    private static RuleChoice ruleChoice(String field, String label, String chosen, List<String> statusKeys) {
        String status = blank(chosen) ? null : chosen;
        return new RuleChoice(field, label, status, status != null && !statusKeys.contains(status));
    }

    /** "?page=2" is the second page; anything else is the first. */
    private static int pageNumber(String page) {
        try {
            return page == null ? 0 : Math.max(0, Integer.parseInt(page.strip()) - 1);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static ShownSecret incomingSecret(CreatedWebhook created, String title) {
        return new ShownSecret(
                "incoming-" + created.webhook().id(),
                title,
                created.secret(),
                created.signatureHeader(),
                created.webhook().url());
    }

    private static ShownSecret outgoingSecret(CreatedOutgoingWebhook created, String title) {
        return new ShownSecret(
                "outgoing-" + created.webhook().id(), title, created.secret(), created.signatureHeader(), null);
    }

    private static Map<String, String> providers() {
        Map<String, String> providers = new LinkedHashMap<>();
        providers.put("github", "GitHub");
        providers.put("gitlab", "GitLab");
        providers.put("gitea", "Gitea or Forgejo");
        providers.put("generic", "Generic JSON (scripts, other CI)");
        return providers;
    }

    private Map<String, String> statusNames(CurrentUser user, String key) {
        Map<String, String> names = new LinkedHashMap<>();
        for (TaskStatus status : statuses.list(user, key)) {
            names.put(status.key(), status.name());
        }
        return names;
    }

    /** What the person chose that differs from the rules saved now, in words. */
    static List<String> differences(RulesForm typed, StatusRules now, Map<String, String> statusNames) {
        List<String> lines = new ArrayList<>();
        status(lines, "Pull request opened", typed.pullRequestOpened(), now.pullRequestOpened(), statusNames);
        status(lines, "Pull request merged", typed.pullRequestMerged(), now.pullRequestMerged(), statusNames);
        status(lines, "Deployed to production", typed.deployedToProduction(), now.deployedToProduction(), statusNames);
        String environment = blank(typed.productionEnvironment())
                ? DeliveryMetricsService.DEFAULT_ENVIRONMENT
                : typed.productionEnvironment().strip();
        if (!environment.equals(now.productionEnvironment())) {
            lines.add("Production environment: you typed “" + environment + "”, saved now “"
                    + now.productionEnvironment() + "”");
        }
        String hours = blank(typed.hotfixWithinHours())
                ? ""
                : typed.hotfixWithinHours().strip();
        String savedHours =
                now.hotfixWithinHours() == null ? "" : now.hotfixWithinHours().toString();
        if (!hours.equals(savedHours)) {
            lines.add("Hotfix window: you typed " + (hours.isEmpty() ? "none" : hours + " hours") + ", saved now "
                    + (savedHours.isEmpty() ? "none" : savedHours + " hours"));
        }
        return lines;
    }

    private static void status(
            List<String> lines, String label, String typed, String saved, Map<String, String> statusNames) {
        String chosen = blank(typed) ? null : typed;
        if (!Objects.equals(chosen, saved)) {
            lines.add(label + ": you chose " + statusName(chosen, statusNames) + ", saved now "
                    + statusName(saved, statusNames));
        }
    }

    private static String statusName(String key, Map<String, String> statusNames) {
        return key == null ? "no change" : "“" + statusNames.getOrDefault(key, key) + "”";
    }

    /** What the person typed into the webhook's form that differs from it as saved now, in words. */
    static List<String> differences(OutgoingForm typed, OutgoingWebhook now) {
        List<String> lines = new ArrayList<>();
        if (!Objects.equals(typed.name(), now.name())) {
            lines.add("Name “" + typed.name() + "”");
        }
        if (!Objects.equals(typed.url(), now.url())) {
            lines.add("URL " + typed.url());
        }
        if (!typed.events().equals(now.events())) {
            lines.add("Events " + String.join(", ", typed.events()));
        }
        if (typed.active() != now.active()) {
            lines.add(typed.active() ? "On" : "Off");
        }
        return lines;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
