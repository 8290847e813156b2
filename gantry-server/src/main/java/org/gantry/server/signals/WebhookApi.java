package org.gantry.server.signals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.gantry.server.identity.ClientAddresses;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(
        name = "Webhooks",
        description = "Incoming webhooks of git hosts and CI (owners and managers), and a task's development panel")
@GantryApi
class WebhookApi {

    private final WebhookService webhooks;
    private final DevelopmentService development;
    private final ClientAddresses clientAddresses;
    private final StatusRuleService statusRules;

    WebhookApi(
            WebhookService webhooks,
            DevelopmentService development,
            ClientAddresses clientAddresses,
            StatusRuleService statusRules) {
        this.statusRules = statusRules;
        this.webhooks = webhooks;
        this.development = development;
        this.clientAddresses = clientAddresses;
    }

    @Operation(summary = "The project's webhooks (owners, managers); secrets are never shown again")
    @GetMapping("/api/v1/projects/{project}/webhooks")
    List<Webhook> list(CurrentUser user, @PathVariable String project) {
        return webhooks.list(user, project);
    }

    @Operation(summary = "One webhook (owners, managers)")
    @GetMapping("/api/v1/projects/{project}/webhooks/{id}")
    Webhook get(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return webhooks.get(user, project, id);
    }

    @Operation(
            summary = "Add a webhook (owners, managers): provider github, gitlab, gitea or generic",
            description = "The answer carries the delivery URL and the secret, shown this once: enter both in the"
                    + " provider's webhook settings (GitHub: content type application/json).")
    @PostMapping("/api/v1/projects/{project}/webhooks")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedWebhook create(
            CurrentUser user, @PathVariable String project, @RequestBody NewWebhook body, HttpServletRequest request) {
        return webhooks.create(user, project, body, clientAddresses.of(request));
    }

    @Operation(
            summary = "Give a webhook a new secret (owners, managers); version required, 409 when stale",
            description = "The old secret stops working at once; the new one is shown this once.")
    @PostMapping("/api/v1/projects/{project}/webhooks/{id}/rotate-secret")
    CreatedWebhook rotate(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestBody SecretRotation body,
            HttpServletRequest request) {
        return webhooks.rotate(user, project, id, body, clientAddresses.of(request));
    }

    @Operation(summary = "Remove a webhook and what it delivered (owners, managers)")
    @DeleteMapping("/api/v1/projects/{project}/webhooks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser user, @PathVariable String project, @PathVariable long id, HttpServletRequest request) {
        webhooks.delete(user, project, id, clientAddresses.of(request));
    }

    @Operation(
            summary = "The project's status rules: the status a task takes when a pull request naming it is opened"
                    + " or merged (null: none)")
    @GetMapping("/api/v1/projects/{project}/status-rules")
    StatusRules statusRules(CurrentUser user, @PathVariable String project) {
        return statusRules.get(user, project);
    }

    @Operation(
            summary = "Set the status rules (owners, managers); version required (0 at first), 409 when stale",
            description = "pullRequestOpened and pullRequestMerged: status keys of the project (\"in_review\","
                    + " \"done\"), or null to turn a rule off. Tasks move through the ordinary task update,"
                    + " recorded in the activity log as the webhook's; an opened pull request leaves finished tasks"
                    + " alone.")
    @PutMapping("/api/v1/projects/{project}/status-rules")
    StatusRules changeStatusRules(CurrentUser user, @PathVariable String project, @RequestBody StatusRuleChanges body) {
        return statusRules.update(user, project, body);
    }

    @Operation(summary = "The newest releases, deployments and labelled issues the project's webhooks delivered")
    @GetMapping("/api/v1/projects/{project}/signals")
    ProjectSignals signals(CurrentUser user, @PathVariable String project) {
        return development.signals(user, project);
    }

    @Operation(
            summary = "A task's development panel: branches, pull requests with state, commits, checks, deployments",
            description = "What the project's webhooks delivered about work that names the task (KEY-id or its URL).")
    @GetMapping("/api/v1/projects/{project}/tasks/{id}/development")
    Development development(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return development.of(user, project, id);
    }
}
