package org.gantry.server.collaboration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.gantry.server.web.PageProblems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The Comments section of a task's panel, loaded and replaced by htmx: every action (post, reply,
 * edit, delete, resolve) answers the whole section again, so what the person sees is what is stored.
 * A refused action keeps the typed text in its box and says why.
 */
@Controller
class CommentPages {

    private final CommentService comments;
    private final ProjectService projects;

    CommentPages(CommentService comments, ProjectService projects) {
        this.comments = comments;
        this.projects = projects;
    }

    @GetMapping("/projects/{key}/tasks/{taskId}/comments")
    String show(CurrentUser user, @PathVariable String key, @PathVariable long taskId, Model model) {
        return section(user, key, taskId, model);
    }

    @PostMapping("/projects/{key}/tasks/{taskId}/comments")
    String post(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long taskId,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) Long parentId,
            @RequestParam(required = false) List<MultipartFile> files,
            Model model) {
        List<NewCommentFile> chosen = NewCommentFile.chosen(files);
        try {
            comments.post(user, key, taskId, new NewComment(body, parentId), chosen);
        } catch (InvalidInput e) {
            keepDraft(model, message(e), body, parentId);
        } catch (AttachmentTooLarge e) {
            keepDraft(model, "Not posted: " + e.getMessage(), body, parentId);
        }
        return section(user, key, taskId, model);
    }

    private static void keepDraft(Model model, String error, String body, Long parentId) {
        model.addAttribute("commentError", error);
        model.addAttribute(parentId == null ? "draft" : "replyDraft", body);
        model.addAttribute("draftThread", parentId);
    }

    @PostMapping("/projects/{key}/comments/{id}/edit")
    String edit(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) Integer version,
            Model model) {
        long taskId = taskOf(comments.get(user, key, id));
        try {
            comments.edit(user, key, id, new CommentChange(body, version));
        } catch (StaleVersion e) {
            model.addAttribute(
                    "commentError",
                    "Someone changed this comment meanwhile; here it is as it is now. Your text: " + body);
        } catch (InvalidInput e) {
            model.addAttribute("commentError", message(e));
        }
        return section(user, key, taskId, model);
    }

    @PostMapping("/projects/{key}/comments/{id}/delete")
    String delete(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam(required = false) Integer version,
            Model model) {
        long taskId = taskOf(comments.get(user, key, id));
        try {
            comments.delete(user, key, id, version);
        } catch (StaleVersion e) {
            model.addAttribute("commentError", "Someone changed this comment meanwhile; it was not deleted.");
        }
        return section(user, key, taskId, model);
    }

    @PostMapping("/projects/{key}/comments/{id}/resolution")
    String resolve(
            CurrentUser user,
            @PathVariable String key,
            @PathVariable long id,
            @RequestParam boolean resolved,
            @RequestParam(required = false) Integer version,
            Model model) {
        long taskId = taskOf(comments.get(user, key, id));
        try {
            comments.resolve(user, key, id, new ThreadResolution(resolved, version));
        } catch (StaleVersion e) {
            model.addAttribute("commentError", "Someone changed this thread meanwhile; here it is as it is now.");
        } catch (InvalidInput e) {
            model.addAttribute("commentError", message(e));
        }
        return section(user, key, taskId, model);
    }

    /** These routes answer with a task's comments; a comment on a RAID entry is edited on the entry's page. */
    private static long taskOf(Comment comment) {
        if (comment.taskId() == null) {
            throw new NotFound("Comment " + comment.id() + " is not on a task.");
        }
        return comment.taskId();
    }

    private String section(CurrentUser user, String key, long taskId, Model model) {
        ProjectAccess access = projects.access(user, key);
        List<Comment> threads = comments.list(user, key, taskId);
        model.addAttribute("threads", threads);
        model.addAttribute(
                "commentCount",
                threads.stream().mapToInt(thread -> 1 + thread.replies().size()).sum());
        model.addAttribute("projectKey", access.key());
        model.addAttribute("taskId", taskId);
        model.addAttribute("zone", access.timeZone());
        model.addAttribute("canComment", access.can(Permission.COMMENT) && !access.archived());
        return "collaboration/comments :: comments";
    }

    private static String message(InvalidInput e) {
        return "Not posted: "
                + String.join(
                        "; ",
                        e.errors().stream()
                                .map(problem -> ("body".equals(problem.field()) ? "the comment" : problem.field()) + " "
                                        + problem.message())
                                .toList())
                + ".";
    }

    @ExceptionHandler({NotFound.class, Forbidden.class, Conflict.class})
    String refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return PageProblems.refusal(e, request, response, model);
    }
}
