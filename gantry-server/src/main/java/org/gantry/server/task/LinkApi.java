package org.gantry.server.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.gantry.server.shared.PageOf;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(name = "Dependencies", description = "Links between tasks: FS, SS, FF, SF with lag (negative: lead)")
@GantryApi
@RequestMapping("/api/v1/projects/{project}/links")
class LinkApi {

    private final LinkService links;

    LinkApi(LinkService links) {
        this.links = links;
    }

    @GetMapping
    PageOf<Link> list(
            CurrentUser user,
            @PathVariable String project,
            @RequestParam(required = false) Long taskId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "500") int size) {
        return links.list(user, project, taskId, page, size);
    }

    @Operation(summary = "Link two tasks; 409 when it would close a cycle (the cycle is in the problem)")
    @PostMapping
    ResponseEntity<Link> create(CurrentUser user, @PathVariable String project, @RequestBody NewLink command) {
        Link link = links.create(user, project, command);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project + "/links/" + link.id()))
                .body(link);
    }

    @GetMapping("/{id}")
    Link get(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return links.get(user, project, id);
    }

    @PatchMapping("/{id}")
    Link update(
            CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody LinkChanges changes) {
        return links.update(user, project, id, changes);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        links.delete(user, project, id);
    }
}
