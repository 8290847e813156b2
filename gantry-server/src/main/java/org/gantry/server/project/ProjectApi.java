package org.gantry.server.project;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
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

@Tag(name = "Projects", description = "Projects (addressed by key or id) and their members")
@GantryApi
@RequestMapping("/api/v1/projects")
class ProjectApi {

    private final ProjectService projects;

    ProjectApi(ProjectService projects) {
        this.projects = projects;
    }

    @Operation(summary = "Projects you are a member of (all, for admins)")
    @GetMapping
    PageOf<ProjectSummary> list(
            CurrentUser user,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean includeArchived,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return projects.list(user, q, includeArchived, page, size);
    }

    @Operation(summary = "Create a project; you become its owner")
    @PostMapping
    ResponseEntity<Project> create(CurrentUser user, @RequestBody NewProject command) {
        Project project = projects.create(user, command);
        return ResponseEntity.created(URI.create("/api/v1/projects/" + project.key()))
                .body(project);
    }

    @GetMapping("/{project}")
    Project get(CurrentUser user, @PathVariable String project) {
        return projects.get(user, project);
    }

    @Operation(summary = "Edit a project, or archive/restore it with archived (owners); version required")
    @PatchMapping("/{project}")
    Project update(CurrentUser user, @PathVariable String project, @RequestBody ProjectChanges changes) {
        return projects.update(user, project, changes);
    }

    @Operation(summary = "Archive a project (owners): it stays readable, but nothing in it can change")
    @DeleteMapping("/{project}")
    Project archive(CurrentUser user, @PathVariable String project, @RequestParam(required = false) Integer version) {
        return projects.archive(user, project, version);
    }

    @GetMapping("/{project}/members")
    List<ProjectMember> members(CurrentUser user, @PathVariable String project) {
        return projects.members(user, project);
    }

    @Operation(summary = "Add a user (by userId or email) in a role: OWNER, MANAGER, MEMBER or STAKEHOLDER")
    @PostMapping("/{project}/members")
    @ResponseStatus(HttpStatus.CREATED)
    ProjectMember addMember(CurrentUser user, @PathVariable String project, @RequestBody NewMember command) {
        return projects.addMember(user, project, command);
    }

    @PatchMapping("/{project}/members/{userId}")
    ProjectMember changeMember(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long userId,
            @RequestBody MemberChanges changes) {
        return projects.changeMember(user, project, userId, changes);
    }

    @DeleteMapping("/{project}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeMember(CurrentUser user, @PathVariable String project, @PathVariable long userId) {
        projects.removeMember(user, project, userId);
    }
}
