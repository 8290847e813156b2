package org.gantry.server.collaboration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.tika.Tika;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * Files attached to tasks, to comments, to entries of the RAID log and to risks (see {@link Place}). Everyone
 * who may comment may attach to a task (stakeholders too); those who edit the RAID log attach to its entries and
 * risks (not stakeholders); everyone who may read the project may download; the uploader, and the project's
 * owners and managers, may delete.
 *
 * <p>An upload is copied to a temporary file in the store's incoming folder (counting its size and
 * hashing it on the way, and stopping as soon as it passes the limit), its type is detected from the
 * bytes with Apache Tika, the row is inserted, and the file is moved into place just before the
 * transaction commits. A failure anywhere, the commit included, deletes the file: nothing is ever half
 * stored. The project's total is checked under a per-project advisory lock so two uploads at once
 * cannot both squeeze under it.
 */
@Service
public class AttachmentService {

    private static final Logger log = LoggerFactory.getLogger(AttachmentService.class);

    /** Types shown inline as thumbnails. SVG (and HTML) can carry script: never inline. */
    static final Set<String> INLINE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private static final int LOCK_SPACE = 0x6174_7463; // "attc": the advisory-lock space of attachments
    private static final int MAX_NAME = 255;

    private static final String SELECT = """
        select f.id, f.task_id, f.comment_id, f.raid_entry_id, f.risk_id,
        f.storage_key, f.name, f.size_bytes,
        f.content_type, f.sha256, f.uploader_id, u.name as uploader_name, f.created_at
        from task_attachment f left join app_user u on u.id = f.uploader_id
        """;

    /**
     * Where a file belongs: a task, a comment (on a task, or with no task on a RAID entry's comment), an entry
     * of the RAID log or a risk of the register. Each of these lists, takes and loses its files the same way;
     * only who may attach differs (see the public methods).
     */
    record Place(Long taskId, Long commentId, Long raidEntryId, Long riskId) {
        static Place task(long id) {
            return new Place(id, null, null, null);
        }

        static Place comment(Long taskId, long id) {
            return new Place(taskId, id, null, null);
        }

        static Place raidEntry(long id) {
            return new Place(null, null, id, null);
        }

        static Place risk(long id) {
            return new Place(null, null, null, id);
        }
    }

    record Stored(
            long id,
            Long taskId,
            Long commentId,
            Long raidEntryId,
            Long riskId,
            String key,
            String name,
            long size,
            String contentType,
            String sha256,
            Long uploaderId,
            String uploaderName,
            java.time.Instant createdAt) {}

    /** An attachment's bytes to send, with what to say about them. */
    public record Download(Path file, String name, String contentType, long size, boolean inline) {

        /**
         * The file as a download. Images are sent with their type (so an img element shows them); nothing is
         * ever rendered as a page: Content-Disposition attachment, nosniff, and a sandboxing CSP.
         */
        public org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> response() {
            return AttachmentApi.send(this);
        }
    }

    /**
     * A file another feature keeps in the store for a row of its own (an expense's receipt): the storage key
     * its row refers to, the cleaned name, the size, the type detected from the bytes and the SHA-256.
     */
    public record StoredFile(String key, String name, long size, String contentType, String sha256) {}

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final AttachmentStore store;
    private final org.springframework.beans.factory.ObjectProvider<StoredFiles> otherFiles;
    private final long maxFile;
    private final long maxProject;
    private final Tika tika = new Tika();

    AttachmentService(
            JdbcClient jdbc,
            ProjectService projects,
            AttachmentStore store,
            org.springframework.beans.factory.ObjectProvider<StoredFiles> otherFiles,
            @Value("${gantry.attachment.max-file:25MB}") DataSize maxFile,
            @Value("${gantry.attachment.max-project:1GB}") DataSize maxProject) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.store = store;
        this.otherFiles = otherFiles;
        this.maxFile = maxFile.toBytes();
        this.maxProject = maxProject.toBytes();
    }

    public long maxFileBytes() {
        return maxFile;
    }

    /** A task's attachments, oldest first. */
    @Transactional(readOnly = true)
    public List<Attachment> list(CurrentUser user, String projectRef, long taskId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        requireTask(access, taskId);
        return listed(access, "task_id", taskId);
    }

    /** An entry of the RAID log's own files (not those of its comments), oldest first. */
    @Transactional(readOnly = true)
    public List<Attachment> listOfRaidEntry(CurrentUser user, String projectRef, long entryId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        requireRaidEntry(access, entryId);
        return listed(access, "raid_entry_id", entryId);
    }

    /** A risk's files, oldest first. */
    @Transactional(readOnly = true)
    public List<Attachment> listOfRisk(CurrentUser user, String projectRef, long riskId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        requireRisk(access, riskId);
        return listed(access, "risk_id", riskId);
    }

    /**
     * Attaches a file to an entry of the RAID log: those who raise and edit entries may (owners, managers,
     * members; stakeholders read the log).
     */
    @Transactional
    public Attachment uploadToRaidEntry(
            CurrentUser user, String projectRef, long entryId, String name, InputStream content) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        requireRaidEntry(access, entryId);
        access.require(Permission.EDIT_TASKS);
        return store(access, Place.raidEntry(entryId), name, content);
    }

    /** Attaches a file to a risk: those who raise and edit risks may (owners, managers, members). */
    @Transactional
    public Attachment uploadToRisk(CurrentUser user, String projectRef, long riskId, String name, InputStream content) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        requireRisk(access, riskId);
        access.require(Permission.EDIT_TASKS);
        return store(access, Place.risk(riskId), name, content);
    }

    /** The files whose {@code column} (task_id, raid_entry_id, risk_id) is {@code id}, oldest first. */
    private List<Attachment> listed(ProjectAccess access, String column, long id) {
        return jdbc
                .sql(SELECT + " where f." + column + " = ? and f.project_id = ? order by f.created_at, f.id")
                .params(id, access.projectId())
                .query(AttachmentService::row)
                .list()
                .stream()
                .map(stored -> view(access, stored))
                .toList();
    }

    @Transactional(readOnly = true)
    public Attachment get(CurrentUser user, String projectRef, long id) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return view(access, require(access, id));
    }

    /**
     * Attaches a file to a task. {@code name} is the uploader's file name (only its last path segment is
     * kept); the content type is detected from the bytes.
     */
    @Transactional
    public Attachment upload(CurrentUser user, String projectRef, long taskId, String name, InputStream content) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.COMMENT);
        requireTask(access, taskId);
        return store(access, Place.task(taskId), name, content);
    }

    /**
     * Attaches a file to a comment: only its author may (a file shown under somebody's words is theirs
     * to choose). On a task's comment the file also belongs to the task (its History lists it); on a RAID
     * entry's comment it belongs to the comment alone. Either way it counts towards the project's total.
     */
    @Transactional
    public Attachment uploadToComment(
            CurrentUser user, String projectRef, long commentId, String name, InputStream content) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.COMMENT);
        var comment = jdbc.sql("""
                select task_id, author_id from task_comment
                where id = ? and project_id = ? and deleted_at is null
                """)
                .params(commentId, access.projectId())
                .query((rs, n) -> new Long[] {rs.getObject("task_id", Long.class), rs.getLong("author_id")})
                .optional()
                .orElseThrow(
                        () -> new NotFound("There is no comment " + commentId + " in project " + access.key() + "."));
        if (comment[1] != user.id()) {
            throw new Forbidden("Only its author can attach files to a comment.");
        }
        return store(access, Place.comment(comment[0], commentId), name, content);
    }

    /** Every file on these comments, by comment, oldest first. */
    @Transactional(readOnly = true)
    public Map<Long, List<Attachment>> ofComments(ProjectAccess access, Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Attachment>> byComment = new HashMap<>();
        jdbc.sql(SELECT + " where f.project_id = ? and f.comment_id = any(?) order by f.created_at, f.id")
                .params(access.projectId(), commentIds.toArray(Long[]::new))
                .query(AttachmentService::row)
                .list()
                .forEach(stored -> byComment
                        .computeIfAbsent(stored.commentId(), id -> new ArrayList<>())
                        .add(view(access, stored)));
        return byComment;
    }

    /** Deletes a (deleted) comment's files: the rows now, the bytes once the transaction commits. */
    @Transactional
    public void deleteOfComment(ProjectAccess access, long commentId) {
        List<String> keys = jdbc.sql("""
                delete from task_attachment where comment_id = ? and project_id = ?
                returning storage_key
                """)
                .params(commentId, access.projectId())
                .query(String.class)
                .list();
        deleteFilesAfterCommit(keys.stream().map(store::path).toList());
    }

    private Attachment store(ProjectAccess access, Place place, String name, InputStream content) {
        StoredFile file = receive(access, name, content, null, null);
        long id = jdbc.sql("""
                insert into task_attachment (project_id, task_id, comment_id, raid_entry_id, risk_id,
                storage_key, name, size_bytes, content_type, sha256, uploader_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
                .params(
                        access.projectId(),
                        place.taskId(),
                        place.commentId(),
                        place.raidEntryId(),
                        place.riskId(),
                        file.key(),
                        file.name(),
                        file.size(),
                        file.contentType(),
                        file.sha256(),
                        access.user().id())
                .query(Long.class)
                .single();
        return view(access, require(access, id));
    }

    /**
     * Keeps a file for another feature's row (which the caller inserts in the same transaction), with the
     * limits of attachments: the per-file size, the project's total (every file of the project counts), and
     * only the {@code acceptedTypes} detected from the bytes ({@code acceptedWords} says which, for the 400).
     * The file is in place when the transaction commits, and gone if it does not.
     */
    @Transactional
    public StoredFile storeFile(
            ProjectAccess access, String name, InputStream content, Set<String> acceptedTypes, String acceptedWords) {
        return receive(access, name, content, acceptedTypes, acceptedWords);
    }

    /** A stored file's bytes, to send with {@link Download#response()}. */
    public Download file(String key, String name, String contentType, long size) {
        Path file = store.path(key);
        if (!Files.isRegularFile(file)) {
            log.error("Stored file {} ({}) is missing at {}", key, name, file);
            throw new NotFound("The file " + name + " is missing on the server.");
        }
        return new Download(file, name, contentType, size, INLINE_IMAGES.contains(contentType));
    }

    /** Deletes stored files once the transaction (which deleted their rows) commits. */
    public void deleteFiles(List<String> keys) {
        deleteFilesAfterCommit(keys.stream().map(store::path).toList());
    }

    private StoredFile receive(
            ProjectAccess access, String name, InputStream content, Set<String> acceptedTypes, String acceptedWords) {
        if (content == null) {
            throw new InvalidInput("file", "is required: send the file as the multipart part named file");
        }
        String fileName = cleanName(name);
        Path incoming = null;
        boolean handedOver = false;
        try {
            incoming = store.newIncoming();
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = copy(new DigestInputStream(content, sha256), incoming);
            if (size == 0) {
                throw new InvalidInput("file", "is empty");
            }
            String contentType = detect(incoming, fileName);
            if (acceptedTypes != null && !acceptedTypes.contains(contentType)) {
                throw new InvalidInput("file", "must be " + acceptedWords + "; this file is " + contentType);
            }
            String hash = HexFormat.of().formatHex(sha256.digest());

            jdbc.sql("select count(*) from pg_advisory_xact_lock(?, ?)")
                    .params(LOCK_SPACE, (int) access.projectId())
                    .query(Long.class)
                    .single();
            long used = jdbc.sql("select coalesce(sum(size_bytes), 0) from task_attachment where project_id = ?")
                    .param(access.projectId())
                    .query(Long.class)
                    .single();
            for (StoredFiles other : otherFiles) {
                used += other.bytesOf(access.projectId());
            }
            if (used + size > maxProject) {
                throw new AttachmentTooLarge("Project " + access.key() + " already holds " + megabytes(used)
                        + " of attachments; with this file (" + megabytes(size) + ") it would pass its limit of "
                        + megabytes(maxProject) + ". Nothing was stored.");
            }
            String key = AttachmentStore.newKey();
            placeOnCommit(incoming, key);
            handedOver = true;
            return new StoredFile(key, fileName, size, contentType, hash);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the attachment", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (!handedOver && incoming != null) {
                store.deleteQuietly(incoming);
            }
        }
    }

    /** The bytes of an attachment, for anyone who may read the project. */
    @Transactional(readOnly = true)
    public Download download(CurrentUser user, String projectRef, long id) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        Stored stored = require(access, id);
        Path file = store.path(stored.key());
        if (!Files.isRegularFile(file)) {
            log.error("Attachment {} ({}) has no file at {}", id, stored.name(), file);
            throw new NotFound("The file of attachment " + id + " is missing on the server.");
        }
        return new Download(
                file, stored.name(), stored.contentType(), stored.size(), INLINE_IMAGES.contains(stored.contentType()));
    }

    /** Deletes an attachment: its uploader may, and so may the project's owners and managers. */
    @Transactional
    public void delete(CurrentUser user, String projectRef, long id) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.COMMENT);
        Stored stored = require(access, id);
        if (!mayDelete(access, stored)) {
            throw new Forbidden("Only its uploader, or an owner or manager of the project, can delete an attachment.");
        }
        jdbc.sql("delete from task_attachment where id = ?").param(id).update();
        deleteFilesAfterCommit(List.of(store.path(stored.key())));
    }

    private void deleteFilesAfterCommit(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                files.forEach(store::deleteQuietly);
            }
        });
    }

    /**
     * Moves the upload into place before the commit; if the commit then fails, the file goes again.
     * (Moving after the commit would leave a row without its file if the server stopped in between.)
     */
    private void placeOnCommit(Path incoming, String key) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                try {
                    store.place(incoming, key);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not move the attachment into place", e);
                }
            }

            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    store.deleteQuietly(incoming);
                    store.deleteQuietly(store.path(key));
                }
            }
        });
    }

    /** Copies at most the limit (plus one byte, to notice more); more is refused with 413. */
    private long copy(InputStream content, Path target) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = content;
                OutputStream out = Files.newOutputStream(target)) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxFile) {
                    throw new AttachmentTooLarge("The file is larger than the limit of " + megabytes(maxFile)
                            + " per attachment. Nothing was stored.");
                }
                out.write(buffer, 0, read);
            }
        }
        return total;
    }

    /**
     * The type from the bytes (with the name only as a hint for types the bytes cannot tell apart). An
     * image type the bytes alone do not confirm (random bytes named .png) is not believed.
     */
    private String detect(Path file, String name) throws IOException {
        String withName;
        String fromBytes;
        try (InputStream in = Files.newInputStream(file)) {
            withName = tika.detect(in, name);
        }
        try (InputStream in = Files.newInputStream(file)) {
            fromBytes = tika.detect(in);
        }
        if (withName.startsWith("image/") && !withName.equals(fromBytes)) {
            return fromBytes;
        }
        return withName;
    }

    static String cleanName(String name) {
        String cleaned = name == null ? "" : name;
        int slash = Math.max(cleaned.lastIndexOf('/'), cleaned.lastIndexOf('\\'));
        cleaned = cleaned.substring(slash + 1);
        cleaned = cleaned.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", "").strip();
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
            cleaned = "attachment";
        }
        if (cleaned.length() > MAX_NAME) {
            int dot = cleaned.lastIndexOf('.');
            String extension = dot > 0 && cleaned.length() - dot <= 16 ? cleaned.substring(dot) : "";
            cleaned = cleaned.substring(0, MAX_NAME - extension.length()) + extension;
        }
        return cleaned;
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private void requireTask(ProjectAccess access, long taskId) {
        boolean exists = jdbc.sql("select exists (select 1 from task where id = ? and project_id = ?)")
                .params(taskId, access.projectId())
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw new NotFound("There is no task " + taskId + " in project " + access.key() + ".");
        }
    }

    private void requireRaidEntry(ProjectAccess access, long entryId) {
        boolean exists = jdbc.sql("select exists (select 1 from raid_entry where id = ? and project_id = ?)")
                .params(entryId, access.projectId())
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw new NotFound("Project " + access.key() + " has no RAID entry " + entryId + ".");
        }
    }

    private void requireRisk(ProjectAccess access, long riskId) {
        boolean exists = jdbc.sql("select exists (select 1 from risk where id = ? and project_id = ?)")
                .params(riskId, access.projectId())
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw new NotFound("Project " + access.key() + " has no risk " + riskId + ".");
        }
    }

    private Optional<Stored> find(ProjectAccess access, long id) {
        return jdbc.sql(SELECT + " where f.id = ? and f.project_id = ?")
                .params(id, access.projectId())
                .query(AttachmentService::row)
                .optional();
    }

    private Stored require(ProjectAccess access, long id) {
        return find(access, id)
                .orElseThrow(() -> new NotFound("There is no attachment " + id + " in project " + access.key() + "."));
    }

    private static boolean mayDelete(ProjectAccess access, Stored stored) {
        return Objects.equals(stored.uploaderId(), access.user().id()) || access.can(Permission.EDIT_PROJECT);
    }

    private static Attachment view(ProjectAccess access, Stored stored) {
        boolean open = !access.archived() && access.can(Permission.COMMENT);
        return new Attachment(
                stored.id(),
                stored.taskId(),
                stored.commentId(),
                stored.raidEntryId(),
                stored.riskId(),
                stored.name(),
                stored.size(),
                stored.contentType(),
                stored.sha256(),
                stored.uploaderId(),
                stored.uploaderName() == null ? "Former user" : stored.uploaderName(),
                stored.createdAt(),
                INLINE_IMAGES.contains(stored.contentType()),
                open && mayDelete(access, stored),
                "/api/v1/projects/" + access.key() + "/attachments/" + stored.id());
    }

    private static Stored row(ResultSet rs, int n) throws SQLException {
        return new Stored(
                rs.getLong("id"),
                rs.getObject("task_id", Long.class),
                rs.getObject("comment_id", Long.class),
                rs.getObject("raid_entry_id", Long.class),
                rs.getObject("risk_id", Long.class),
                rs.getString("storage_key"),
                rs.getString("name"),
                rs.getLong("size_bytes"),
                rs.getString("content_type"),
                rs.getString("sha256"),
                rs.getObject("uploader_id", Long.class),
                rs.getString("uploader_name"),
                rs.getTimestamp("created_at").toInstant());
    }
}
