package org.gantry.server.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(
        name = "Status digests",
        description = "Daily or weekly status e-mails to a stakeholder list: the dashboard's figures or the latest"
                + " published report with its PDF (owners and managers)")
@GantryApi
class StatusDigestApi {

    private final StatusDigestService digests;

    StatusDigestApi(StatusDigestService digests) {
        this.digests = digests;
    }

    @Operation(summary = "The project's scheduled digests with when each is next due (owners, managers)")
    @GetMapping("/api/v1/projects/{project}/digests")
    List<StatusDigest> list(CurrentUser user, @PathVariable String project) {
        return digests.list(user, project);
    }

    @Operation(
            summary = "Schedule a digest (owners, managers)",
            description = "recipients (1-50 e-mail addresses), cadence DAILY or WEEKLY (then weekday MONDAY-SUNDAY),"
                    + " sendAt (HH:mm), optional timeZone (default the project's) and content DASHBOARD (default) or"
                    + " REPORT (the latest published report, its PDF attached). Mailed once per occurrence through the"
                    + " SMTP configuration.")
    @PostMapping("/api/v1/projects/{project}/digests")
    ResponseEntity<StatusDigest> create(
            CurrentUser user, @PathVariable String project, @RequestBody(required = false) NewStatusDigest body) {
        StatusDigest created = digests.create(user, project, body);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + created.project() + "/digests/" + created.id()))
                .body(created);
    }

    @Operation(summary = "Cancel a digest (owners, managers)")
    @DeleteMapping("/api/v1/projects/{project}/digests/{digestId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser user, @PathVariable String project, @PathVariable long digestId) {
        digests.delete(user, project, digestId);
    }
}
