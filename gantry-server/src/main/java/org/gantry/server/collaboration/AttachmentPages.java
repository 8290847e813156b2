package org.gantry.server.collaboration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.NotFound;
import org.gantry.server.web.PageProblems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The Attachments section of a task's panel, loaded and replaced by htmx. Uploads go from the page
 * straight to the API (attachments.js, with a progress bar) and then reload this section; downloads and
 * thumbnails use the API's download address (the API accepts the browser session).
 */
@Controller
class AttachmentPages {

    private final AttachmentService attachments;
    private final ProjectService projects;

    AttachmentPages(AttachmentService attachments, ProjectService projects) {
        this.attachments = attachments;
        this.projects = projects;
    }

    @GetMapping("/projects/{key}/tasks/{taskId}/attachments")
    String show(CurrentUser user, @PathVariable String key, @PathVariable long taskId, Model model) {
        return section(user, key, taskId, model);
    }

    @PostMapping("/projects/{key}/attachments/{id}/delete")
    String delete(CurrentUser user, @PathVariable String key, @PathVariable long id, Model model) {
        Long taskId = attachments.get(user, key, id).taskId();
        if (taskId == null) {
            // This route answers with a task's file list; a RAID entry's comment files are deleted by the API.
            throw new NotFound("There is no attachment " + id + " on a task in project " + key + ".");
        }
        attachments.delete(user, key, id);
        model.addAttribute("attachmentNotice", "Attachment deleted.");
        return section(user, key, taskId, model);
    }

    private String section(CurrentUser user, String key, long taskId, Model model) {
        ProjectAccess access = projects.access(user, key);
        // Files on comments show under their comment, not twice.
        model.addAttribute(
                "attachments",
                attachments.list(user, key, taskId).stream()
                        .filter(file -> file.commentId() == null)
                        .toList());
        model.addAttribute("projectKey", access.key());
        model.addAttribute("taskId", taskId);
        model.addAttribute("zone", access.timeZone());
        model.addAttribute("canAttach", access.can(Permission.COMMENT) && !access.archived());
        model.addAttribute("maxFileBytes", attachments.maxFileBytes());
        model.addAttribute("maxFileText", Math.round(attachments.maxFileBytes() / (1024.0 * 1024)) + " MB");
        return "collaboration/attachments :: attachments";
    }

    @ExceptionHandler({NotFound.class, Forbidden.class, Conflict.class})
    String refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        return PageProblems.refusal(e, request, response, model);
    }
}
