package org.gantry.server.risk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(
        name = "RAID log",
        description = "Assumptions, issues, dependencies and decisions beside the risk register;"
                + " a risk that occurred becomes an issue, a change board's decision a decision entry")
@RestController
class RaidApi {

    private final RaidService raid;

    RaidApi(RaidService raid) {
        this.raid = raid;
    }

    @Operation(
            summary = "The project's RAID entries, newest first",
            description = "Filters: type (ASSUMPTION, ISSUE, DEPENDENCY, DECISION), status, owner (user id),"
                    + " text (title or description contains).")
    @GetMapping("/api/v1/projects/{project}/raid")
    List<RaidEntry> list(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Long owner,
            @RequestParam(required = false) String text) {
        return raid.list(user, project, type, status, owner, text);
    }

    @Operation(summary = "One RAID entry")
    @GetMapping("/api/v1/projects/{project}/raid/{id}")
    RaidEntry get(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return raid.get(user, project, id);
    }

    @Operation(summary = "Add a RAID entry (owners, managers, members)")
    @PostMapping("/api/v1/projects/{project}/raid")
    @ResponseStatus(HttpStatus.CREATED)
    RaidEntry create(CurrentUser user, @PathVariable String project, @RequestBody NewRaidEntry body) {
        return raid.create(user, project, body);
    }

    @Operation(
            summary = "Change a RAID entry (owners, managers, members); version required, 409 with the current"
                    + " entry when stale")
    @PatchMapping("/api/v1/projects/{project}/raid/{id}")
    RaidEntry update(
            CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody RaidEntryChanges body) {
        return raid.update(user, project, id, body);
    }

    @Operation(summary = "Remove a RAID entry (owners, managers)")
    @DeleteMapping("/api/v1/projects/{project}/raid/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        raid.delete(user, project, id);
    }

    @Operation(
            summary = "The risk occurred: close it as OCCURRED and raise an issue linked to it (owners, managers,"
                    + " members); version of the risk required, 409 with the current risk when stale")
    @PostMapping("/api/v1/projects/{project}/risks/{id}/occurred")
    @ResponseStatus(HttpStatus.CREATED)
    RaidEntry occurred(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestBody(required = false) RiskOccurred body) {
        return raid.riskOccurred(user, project, id, body);
    }
}
