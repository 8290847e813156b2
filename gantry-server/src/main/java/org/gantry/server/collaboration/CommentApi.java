package org.gantry.server.collaboration;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

@Tag(
        name = "Comments",
        description =
                "Comments on tasks and RAID entries in Markdown, with @mentions of members (@ana@example.com) and #WBS"
                        + " references, threaded replies, edits, deletes and resolved threads")
@GantryApi
@RequestMapping("/api/v1/projects/{project}")
class CommentApi {

    private final CommentService comments;

    CommentApi(CommentService comments) {
        this.comments = comments;
    }

    @Operation(summary = "A task's comment threads, oldest first, each with its replies")
    @GetMapping("/tasks/{taskId}/comments")
    List<Comment> list(CurrentUser user, @PathVariable String project, @PathVariable long taskId) {
        return comments.list(user, project, taskId);
    }

    @Operation(
            summary = "Comment on a task (every member may, stakeholders too)",
            description = "{\"body\": \"Markdown\", \"parentId\": 12} (parentId answers that comment's thread)."
                    + " Mentions name members by e-mail (@ana@example.com): they are notified and watch the"
                    + " task; mentioning anyone else is a 400. #2.1 links to the task with that WBS code.")
    @PostMapping("/tasks/{taskId}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Comment post(
            CurrentUser user, @PathVariable String project, @PathVariable long taskId, @RequestBody NewComment body) {
        return comments.post(user, project, taskId, body);
    }

    @Operation(summary = "A RAID entry's comment threads, oldest first, each with its replies")
    @GetMapping("/raid/{entryId}/comments")
    List<Comment> listOnRaidEntry(CurrentUser user, @PathVariable String project, @PathVariable long entryId) {
        return comments.listOnRaidEntry(user, project, entryId);
    }

    @Operation(
            summary = "Comment on a RAID entry (every member may, stakeholders too)",
            description =
                    "As on a task: {\"body\": \"Markdown\", \"parentId\": 12}; #2.1 links to the task with that WBS"
                            + " code; @ana@example.com mentions a member, who is notified (in the app and by e-mail) with a link"
                            + " to the entry's page."
                            + " Edit, delete and resolve through /comments/{id} as on tasks.")
    @PostMapping("/raid/{entryId}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Comment postOnRaidEntry(
            CurrentUser user, @PathVariable String project, @PathVariable long entryId, @RequestBody NewComment body) {
        return comments.postOnRaidEntry(user, project, entryId, body);
    }

    @Operation(summary = "A risk's comment threads, oldest first, each with its replies")
    @GetMapping("/risks/{riskId}/comments")
    List<Comment> listOnRisk(CurrentUser user, @PathVariable String project, @PathVariable long riskId) {
        return comments.listOnRisk(user, project, riskId);
    }

    @Operation(
            summary = "Comment on a risk (every member may, stakeholders too)",
            description = "As on a task or a RAID entry: {\"body\": \"Markdown\", \"parentId\": 12}; a mentioned"
                    + " member is notified with a link to the risk's page. Edit, delete and resolve through"
                    + " /comments/{id}.")
    @PostMapping("/risks/{riskId}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    Comment postOnRisk(
            CurrentUser user, @PathVariable String project, @PathVariable long riskId, @RequestBody NewComment body) {
        return comments.postOnRisk(user, project, riskId, body);
    }

    @Operation(summary = "One comment (a top comment with its replies)")
    @GetMapping("/comments/{id}")
    Comment get(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return comments.get(user, project, id);
    }

    @Operation(summary = "Edit your own comment: {\"body\", \"version\"}; it shows as edited")
    @PatchMapping("/comments/{id}")
    Comment edit(
            CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody CommentChange body) {
        return comments.edit(user, project, id, body);
    }

    @Operation(summary = "Delete a comment (yours, or any as owner or manager); version optional")
    @DeleteMapping("/comments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long id,
            @RequestParam(required = false) Integer version) {
        comments.delete(user, project, id, version);
    }

    @Operation(summary = "Resolve or reopen a thread: {\"resolved\": true|false, \"version\"} on its first comment")
    @PutMapping("/comments/{id}/resolution")
    Comment resolve(
            CurrentUser user, @PathVariable String project, @PathVariable long id, @RequestBody ThreadResolution body) {
        return comments.resolve(user, project, id, body);
    }

    @Operation(summary = "Members who can be mentioned, by name or e-mail (the @ autocomplete); at most 10")
    @GetMapping("/mention-candidates")
    List<MentionCandidate> mentionCandidates(
            CurrentUser user, @PathVariable String project, @RequestParam(defaultValue = "") String q) {
        return comments.mentionCandidates(user, project, q);
    }
}
