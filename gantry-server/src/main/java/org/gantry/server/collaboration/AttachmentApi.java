package org.gantry.server.collaboration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.GantryApi;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;

@Tag(
        name = "Attachments",
        description =
                "Files attached to tasks and comments: every member may attach (stakeholders too), everyone who may read"
                        + " the project may download, the uploader or an owner or manager may delete")
@GantryApi
@RequestMapping("/api/v1/projects/{project}")
class AttachmentApi {

    private final AttachmentService attachments;

    AttachmentApi(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @Operation(summary = "A task's attachments, oldest first")
    @GetMapping("/tasks/{taskId}/attachments")
    List<Attachment> list(CurrentUser user, @PathVariable String project, @PathVariable long taskId) {
        return attachments.list(user, project, taskId);
    }

    @Operation(
            summary = "Attach a file to a task (multipart/form-data, part \"file\")",
            description =
                    "The content type is detected from the bytes. Over the per-file limit (GANTRY_ATTACHMENT_MAX_FILE,"
                            + " 25 MB) or the project's total (GANTRY_ATTACHMENT_MAX_PROJECT, 1 GB) is a 413 and stores nothing.")
    @PostMapping(path = "/tasks/{taskId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Attachment upload(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long taskId,
            @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null) {
            return attachments.upload(user, project, taskId, null, null);
        }
        try (InputStream content = file.getInputStream()) {
            return attachments.upload(user, project, taskId, file.getOriginalFilename(), content);
        }
    }

    @Operation(
            summary = "Attach a file to your comment (multipart/form-data, part \"file\")",
            description = "Only the comment's author may. The file belongs to the comment's task (same limits,"
                    + " same readers), shows under the comment, and is deleted with it.")
    @PostMapping(path = "/comments/{commentId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Attachment uploadToComment(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long commentId,
            @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null) {
            return attachments.uploadToComment(user, project, commentId, null, null);
        }
        try (InputStream content = file.getInputStream()) {
            return attachments.uploadToComment(user, project, commentId, file.getOriginalFilename(), content);
        }
    }

    @Operation(summary = "An entry of the RAID log's files (not its comments'), oldest first")
    @GetMapping("/raid/{entryId}/attachments")
    List<Attachment> listOfRaidEntry(CurrentUser user, @PathVariable String project, @PathVariable long entryId) {
        return attachments.listOfRaidEntry(user, project, entryId);
    }

    @Operation(
            summary = "Attach a file to an entry of the RAID log (multipart/form-data, part \"file\")",
            description = "Owners, managers and members (stakeholders read the log). Same limits and type"
                    + " detection as a task's files; the file goes with the entry.")
    @PostMapping(path = "/raid/{entryId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Attachment uploadToRaidEntry(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long entryId,
            @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null) {
            return attachments.uploadToRaidEntry(user, project, entryId, null, null);
        }
        try (InputStream content = file.getInputStream()) {
            return attachments.uploadToRaidEntry(user, project, entryId, file.getOriginalFilename(), content);
        }
    }

    @Operation(summary = "A risk's files, oldest first")
    @GetMapping("/risks/{riskId}/attachments")
    List<Attachment> listOfRisk(CurrentUser user, @PathVariable String project, @PathVariable long riskId) {
        return attachments.listOfRisk(user, project, riskId);
    }

    @Operation(
            summary = "Attach a file to a risk (multipart/form-data, part \"file\")",
            description = "Owners, managers and members (stakeholders read the register). Same limits and type"
                    + " detection as a task's files; the file goes with the risk.")
    @PostMapping(path = "/risks/{riskId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Attachment uploadToRisk(
            CurrentUser user,
            @PathVariable String project,
            @PathVariable long riskId,
            @RequestPart(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (file == null) {
            return attachments.uploadToRisk(user, project, riskId, null, null);
        }
        try (InputStream content = file.getInputStream()) {
            return attachments.uploadToRisk(user, project, riskId, file.getOriginalFilename(), content);
        }
    }

    @Operation(summary = "Download an attachment (always as a download, with its detected type and nosniff)")
    @GetMapping("/attachments/{id}")
    ResponseEntity<Resource> download(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        return send(attachments.download(user, project, id));
    }

    @Operation(summary = "Delete an attachment (yours, or any as owner or manager)")
    @DeleteMapping("/attachments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(CurrentUser user, @PathVariable String project, @PathVariable long id) {
        attachments.delete(user, project, id);
    }

    /**
     * The file as a download. Images are sent with their type (so an img element shows them); nothing is
     * ever rendered as a page: Content-Disposition attachment, nosniff, and a sandboxing CSP.
     */
    static ResponseEntity<Resource> send(AttachmentService.Download download) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(download.contentType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(download.size())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(download.name(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .body(new FileSystemResource(download.file()));
    }

    @ExceptionHandler(AttachmentTooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(AttachmentTooLarge e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setTitle("Attachment too large");
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
