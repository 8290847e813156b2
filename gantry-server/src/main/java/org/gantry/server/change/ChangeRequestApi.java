package org.gantry.server.change;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(
        name = "Change requests",
        description = "Proposed plan changes with their impact computed by the scheduling engine, and the change log")
@GantryApi
class ChangeRequestApi {
    private static final String BASE = "/api/v1/projects/{project}/change-requests";

    private final ChangeRequestService changes;

    ChangeRequestApi(ChangeRequestService changes) {
        this.changes = changes;
    }

    @Operation(
            summary = "The project's change requests, newest first",
            description = "state=APPROVED gives the change log: every approved change with its impact summary,"
                    + " last decided first.")
    @GetMapping(BASE)
    List<ChangeRequest> list(
            CurrentUser user, @PathVariable String project, @RequestParam(required = false) String state) {
        return changes.list(user, project, state);
    }

    @Operation(summary = "One change request")
    @GetMapping(BASE + "/{id}")
    ChangeRequest get(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return changes.get(user, project, id);
    }

    @Operation(
            summary = "The impact of the change on the plan as it is now (writes nothing)",
            description = "The edits applied to a what-if copy of the plan and rescheduled by the engine: finish before"
                    + " and after (and the difference in working days), milestones, critical path before and after,"
                    + " the tasks that move, added and removed tasks, task-days. 400 names an edit that no longer"
                    + " applies; 409 for an approved request (its edits are in the plan).")
    @GetMapping(BASE + "/{id}/impact")
    ChangeImpact impact(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return changes.impact(user, project, id);
    }

    @Operation(summary = "Draft a change request (owners, managers, members); the edits are checked against the plan")
    @PostMapping(BASE)
    @ResponseStatus(HttpStatus.CREATED)
    ChangeRequest create(CurrentUser user, @PathVariable String project, @RequestBody NewChangeRequest body) {
        return changes.create(user, project, body);
    }

    @Operation(summary = "Change a draft (owners, managers, members); version required, 409 when stale or not a draft")
    @PatchMapping(BASE + "/{id}")
    ChangeRequest update(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestBody ChangeRequestChanges body) {
        return changes.update(user, project, id, body);
    }

    @Operation(summary = "Delete a change request that is not approved (owners, managers; its author while a draft)")
    @DeleteMapping(BASE + "/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        changes.delete(user, project, id);
    }

    @Operation(summary = "Submit a draft to the change board (owners, managers, members); records its impact")
    @PostMapping(BASE + "/{id}/submit")
    ChangeRequest submit(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestBody(required = false) ChangeDecision body) {
        return changes.submit(user, project, id, body);
    }

    @Operation(
            summary = "Approve and apply the edits to the plan in one transaction (owners, managers)",
            description = "Refused with 409 and the recomputed impact when the plan changed since the impact with the"
                    + " given planVersion (default: the one recorded at submission) was computed; nothing is applied"
                    + " then. baselineSlot saves the changed plan as that baseline.")
    @PostMapping(BASE + "/{id}/approve")
    ChangeRequest approve(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestBody(required = false) ChangeDecision body) {
        return changes.approve(user, project, id, body);
    }

    @Operation(summary = "Reject a submitted or deferred change request (owners, managers)")
    @PostMapping(BASE + "/{id}/reject")
    ChangeRequest reject(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestBody(required = false) ChangeDecision body) {
        return changes.reject(user, project, id, body);
    }

    @Operation(summary = "Defer a submitted change request (owners, managers); it can be approved or rejected later")
    @PostMapping(BASE + "/{id}/defer")
    ChangeRequest defer(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestBody(required = false) ChangeDecision body) {
        return changes.defer(user, project, id, body);
    }
}
