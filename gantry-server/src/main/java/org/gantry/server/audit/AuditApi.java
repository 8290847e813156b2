package org.gantry.server.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.gantry.server.shared.PageOf;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Tag(name = "Administration")
@GantryApi
class AuditApi {

    private final AuditLog audit;

    AuditApi(AuditLog audit) {
        this.audit = audit;
    }

    @Operation(
            summary = "The security audit log, newest first (system admins)",
            description = "Sign-ins, failed sign-ins, lockouts, API tokens, system and project roles, passwords,"
                    + " deactivations, two-factor and sign-in settings.")
    @GetMapping("/api/v1/admin/audit")
    PageOf<AuditEntry> audit(
            CurrentUser user,
            @Parameter(description = "a user id (who did it or whom it concerns) or part of an e-mail")
                    @RequestParam(required = false)
                    String person,
            @Parameter(description = "repeatable") @RequestParam(required = false) List<AuditKind> kind,
            @Parameter(description = "first day, UTC") @RequestParam(required = false) LocalDate from,
            @Parameter(description = "last day, UTC, included") @RequestParam(required = false) LocalDate to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return audit.page(user, new AuditQuery(person, kind, from, to, page, size));
    }
}
