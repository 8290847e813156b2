package org.gantry.server.risk;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.gantry.server.shared.InvalidInput;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(
        name = "RAID log",
        description = "Assumptions, issues, dependencies and decisions beside the risk register;"
                + " a risk that occurred becomes an issue, a change board's decision a decision entry")
@GantryApi
class RaidApi {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RaidService raid;
    private final RaidLog log;

    RaidApi(RaidService raid, RaidLog log) {
        this.raid = raid;
        this.log = log;
    }

    @Operation(
            summary = "The RAID log as CSV or an Excel workbook (everyone who can see the project)",
            description = "format: csv (RFC 4180, UTF-8, one table) or xlsx (a sheet per type). The risks of the"
                    + " register come first with their probability, impact and score. Filters as the list, with"
                    + " RISK as a type and the risks' statuses: type, status, owner (user id), text.")
    @GetMapping("/api/v1/projects/{project}/raid/export")
    ResponseEntity<byte[]> export(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Long owner,
            @RequestParam(required = false) String text) {
        String wanted =
                format == null || format.isBlank() ? "csv" : format.strip().toLowerCase(Locale.ROOT);
        if (!wanted.equals("csv") && !wanted.equals("xlsx")) {
            throw new InvalidInput("format", "must be csv or xlsx");
        }
        RaidLog.Filters filters = RaidLog.filters(type, status, owner, text);
        RaidLog.Export export = log.export(user, project, filters);
        boolean csv = wanted.equals("csv");
        return ResponseEntity.ok()
                .contentType(csv ? CSV : XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(export.projectKey() + "-raid-log." + wanted)
                                .build()
                                .toString())
                .body(csv ? RaidExport.csv(export.rows()) : RaidExport.workbook(export.rows()));
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
