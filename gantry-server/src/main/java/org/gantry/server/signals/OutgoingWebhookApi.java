package org.gantry.server.signals;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(
        name = "Outgoing webhooks",
        description = "A project notifies a URL, signed with HMAC-SHA256, when its tasks, milestones or schedule"
                + " change (owners and managers); retries with back-off, a delivery log, redelivery")
@GantryApi
class OutgoingWebhookApi {
    private static final String BASE = "/api/v1/projects/{project}/outgoing-webhooks";

    private final OutgoingWebhookService webhooks;

    OutgoingWebhookApi(OutgoingWebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @Operation(summary = "The project's outgoing webhooks with counts of pending, delivered and failed deliveries")
    @GetMapping(BASE)
    List<OutgoingWebhook> list(CurrentUser user, @PathVariable String project) {
        return webhooks.list(user, project);
    }

    @Operation(summary = "One outgoing webhook")
    @GetMapping(BASE + "/{id}")
    OutgoingWebhook get(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return webhooks.get(user, project, id);
    }

    @Operation(
            summary = "Add an outgoing webhook: {url, name, events: [task, milestone, schedule], active}",
            description = "The answer carries the signing secret, shown this once. Each delivery is a POST with"
                    + " X-Gantry-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>. Loopback and"
                    + " internal addresses are refused unless a system admin allows them.")
    @PostMapping(BASE)
    @ResponseStatus(HttpStatus.CREATED)
    CreatedOutgoingWebhook create(
            CurrentUser user, @PathVariable String project, @RequestBody NewOutgoingWebhook body) {
        return webhooks.create(user, project, body);
    }

    @Operation(summary = "Change an outgoing webhook (name, url, events, active); version required, 409 when stale")
    @PutMapping(BASE + "/{id}")
    OutgoingWebhook update(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestBody OutgoingWebhookChanges body) {
        return webhooks.update(user, project, id, body);
    }

    @Operation(summary = "Give an outgoing webhook a new signing secret; version required, 409 when stale")
    @PostMapping(BASE + "/{id}/rotate-secret")
    CreatedOutgoingWebhook rotate(
            CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody SecretRotation body) {
        return webhooks.rotate(user, project, id, body);
    }

    @Operation(summary = "Remove an outgoing webhook and its delivery log")
    @DeleteMapping(BASE + "/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        webhooks.delete(user, project, id);
    }

    @Operation(summary = "The delivery log, newest first (at most 100); state=pending, delivered or failed narrows it")
    @GetMapping(BASE + "/{id}/deliveries")
    List<OutgoingDelivery> deliveries(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestParam(required = false) String state) {
        return webhooks.deliveries(user, project, id, state);
    }

    @Operation(
            summary = "Send a delivered or failed delivery again (same body and delivery id); 409 while it is queued")
    @PostMapping(BASE + "/{id}/deliveries/{deliveryId}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    OutgoingDelivery redeliver(
            CurrentUser user, @PathVariable String project, @PathVariable long id, @PathVariable long deliveryId) {
        return webhooks.redeliver(user, project, id, deliveryId);
    }

    @Operation(summary = "Server-wide outgoing webhook settings (system admins)")
    @GetMapping("/api/v1/admin/outgoing-webhooks")
    OutgoingSettings settings(CurrentUser user) {
        return webhooks.settings(user);
    }

    @Operation(
            summary = "Allow or refuse internal addresses for outgoing webhooks (system admins); version required",
            description = "allowPrivateAddresses: true lets webhooks call loopback, private and link-local"
                    + " addresses (a chat server on the same network); false (the default) refuses them.")
    @PutMapping("/api/v1/admin/outgoing-webhooks")
    OutgoingSettings changeSettings(CurrentUser user, @RequestBody OutgoingSettingsChanges body) {
        return webhooks.changeSettings(user, body);
    }
}
