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
        name = "Share links",
        description = "Read-only links to a project's dashboard or a published status report for people without an"
                + " account (owners and managers); the token is shown once and stored hashed")
@GantryApi
class ShareLinkApi {

    private final ShareLinkService links;

    ShareLinkApi(ShareLinkService links) {
        this.links = links;
    }

    @Operation(
            summary = "The project's share links, newest first, with when each was last opened (owners, managers)",
            description = "Revoked and expired links stay listed with their state; tokens are never shown again.")
    @GetMapping("/api/v1/projects/{project}/share-links")
    List<ShareLink> list(CurrentUser user, @PathVariable String project) {
        return links.list(user, project);
    }

    @Operation(
            summary = "Create a share link (owners, managers); the answer holds its token and path, once",
            description = "target DASHBOARD or REPORT (then reportId of a published report); optional label,"
                    + " expiresOn (last day it opens, project time zone, at most two years ahead) and password (8-128"
                    + " characters). The page at path needs no account and shows nothing else of Gantry.")
    @PostMapping("/api/v1/projects/{project}/share-links")
    ResponseEntity<ShareLink.Created> create(
            CurrentUser user, @PathVariable String project, @RequestBody(required = false) NewShareLink body) {
        ShareLink.Created created = links.create(user, project, body);
        return ResponseEntity.created(
                        URI.create("/api/v1/projects/" + created.link().project() + "/share-links/"
                                + created.link().id()))
                .body(created);
    }

    @Operation(
            summary = "Revoke a share link (owners, managers): it opens nothing from now on",
            description = "The link stays listed as REVOKED; revoking it again changes nothing.")
    @DeleteMapping("/api/v1/projects/{project}/share-links/{linkId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(CurrentUser user, @PathVariable String project, @PathVariable long linkId) {
        links.revoke(user, project, linkId);
    }
}
