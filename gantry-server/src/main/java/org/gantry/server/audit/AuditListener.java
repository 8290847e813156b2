package org.gantry.server.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.gantry.server.identity.ClientAddresses;
import org.gantry.server.identity.CurrentActor;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.identity.LoginLocked;
import org.gantry.server.identity.SecurityEvent;
import org.gantry.server.project.MemberRoleChanged;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.signals.WebhookSecurityEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Turns security events into audit rows. Synchronous listeners: the row is written in the
 * publisher's transaction, and rolls back with it.
 */
@Component
class AuditListener {

    private final AuditLog log;
    private final ClientAddresses clientAddresses;

    AuditListener(AuditLog log, ClientAddresses clientAddresses) {
        this.log = log;
        this.clientAddresses = clientAddresses;
    }

    @EventListener
    void on(SecurityEvent event) {
        Optional<CurrentUser> actor = CurrentActor.get();
        boolean selfService = event.kind() == SecurityEvent.Kind.LOGIN
                || (event.kind() == SecurityEvent.Kind.TOKEN_CREATED && actor.isEmpty());
        Long actorId = actor.map(CurrentUser::id).orElse(selfService ? event.subjectId() : null);
        String actorEmail = actor.map(CurrentUser::email).orElse(selfService ? event.subjectEmail() : null);
        log.record(new AuditLog.Row(
                AuditKind.valueOf(event.kind().name()),
                actorId,
                actorEmail,
                CurrentActor.tokenId().orElse(null),
                event.address() != null ? event.address() : requestAddress(),
                event.subjectId(),
                event.subjectEmail(),
                null,
                event.detail(),
                event.oldValue(),
                event.newValue()));
    }

    @EventListener
    void on(LoginLocked event) {
        // identity.LoginRateLimiter's reasons say "for this account" or "from this address"; an address
        // lock concerns every account tried from there, not the one whose failure happened to tip it.
        boolean account = event.reason() != null && event.reason().contains("account");
        log.record(new AuditLog.Row(
                AuditKind.LOGIN_LOCKED,
                null,
                null,
                null,
                event.address(),
                null,
                account ? event.email() : null,
                null,
                (account ? "account locked: " : "address locked: ") + event.reason(),
                null,
                "locked until " + event.until()));
    }

    @EventListener
    void on(MemberRoleChanged event) {
        Optional<CurrentUser> actor = CurrentActor.get();
        log.record(new AuditLog.Row(
                AuditKind.PROJECT_ROLE_CHANGED,
                actor.map(CurrentUser::id).orElse(null),
                actor.map(CurrentUser::email).orElse(null),
                CurrentActor.tokenId().orElse(null),
                requestAddress(),
                event.userId(),
                event.email(),
                event.projectKey(),
                event.oldRole() == null
                        ? "added to the project"
                        : event.newRole() == null ? "removed from the project" : null,
                role(event.oldRole()),
                role(event.newRole())));
    }

    /**
     * A webhook created, rotated or deleted (by the signed-in actor), or a delivery refused for its
     * signature (no actor: whoever sent it; the address says from where).
     */
    @EventListener
    void on(WebhookSecurityEvent event) {
        Optional<CurrentUser> actor = CurrentActor.get();
        log.record(new AuditLog.Row(
                AuditKind.valueOf("WEBHOOK_" + event.kind().name()),
                actor.map(CurrentUser::id).orElse(null),
                actor.map(CurrentUser::email).orElse(null),
                CurrentActor.tokenId().orElse(null),
                event.address(),
                null,
                null,
                event.projectKey(),
                event.detail() == null
                        ? "webhook " + event.webhookId() + " ("
                                + event.provider().toLowerCase() + ")"
                        : "webhook " + event.webhookId() + " ("
                                + event.provider().toLowerCase() + "): " + event.detail(),
                null,
                event.webhookName()));
    }

    private static String role(ProjectRole role) {
        return role == null ? null : role.name();
    }

    private String requestAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return clientAddresses.of(request);
        }
        return null;
    }
}
