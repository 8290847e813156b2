package org.gantry.server.collaboration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.jsoup.Jsoup;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on tasks and on entries of the RAID log (a comment's subject is one or the other): threads one level deep (a reply to a reply joins the thread of its top comment),
 * Markdown rendered and sanitised when written, mentions of project members, edits and deletes of
 * one's own comments (owners and managers may delete anyone's, to moderate), and resolving a thread.
 * Posting publishes {@link CommentPosted}, from which the notification module tells the mentioned
 * people and the task's watchers.
 */
@Service
public class CommentService {

    static final int MAX_LENGTH = 20_000;
    private static final int MAX_MENTION_CANDIDATES = 10;

    private static final String SELECT = """
        select c.id, c.task_id, c.raid_entry_id, c.risk_id, c.parent_id, c.author_id, a.name as author_name,
        c.body, c.body_html, c.created_at, c.edited_at, c.deleted_at, c.resolved_at, c.resolved_by,
        r.name as resolved_by_name, c.version,
        array(select m.user_id from task_comment_mention m where m.comment_id = c.id order by m.user_id)
        as mentions
        from task_comment c left join app_user a on a.id = c.author_id
        left join app_user r on r.id = c.resolved_by
        """;

    private record Row(
            long id,
            Long taskId,
            Long raidEntryId,
            Long riskId,
            Long parentId,
            Long authorId,
            String authorName,
            String body,
            String html,
            Instant createdAt,
            Instant editedAt,
            boolean deleted,
            Instant resolvedAt,
            Long resolvedById,
            String resolvedByName,
            List<Long> mentions,
            int version) {}

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final ApplicationEventPublisher events;
    private final AttachmentService attachments;

    CommentService(
            JdbcClient jdbc, ProjectService projects, ApplicationEventPublisher events, AttachmentService attachments) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.events = events;
        this.attachments = attachments;
    }

    /**
     * What a comment is about: a task, an entry of the RAID log or a risk. {@code column} is its column in
     * task_comment; the subject is always checked to be in the caller's project before it is used.
     */
    private record Subject(String column, long id) {
        static Subject task(long taskId) {
            return new Subject("task_id", taskId);
        }

        static Subject raidEntry(long entryId) {
            return new Subject("raid_entry_id", entryId);
        }

        static Subject risk(long riskId) {
            return new Subject("risk_id", riskId);
        }

        static Subject of(Row row) {
            return row.taskId() != null
                    ? task(row.taskId())
                    : row.raidEntryId() != null ? raidEntry(row.raidEntryId()) : risk(row.riskId());
        }

        boolean isTask() {
            return column.equals("task_id");
        }

        boolean holds(Row row) {
            return equals(of(row));
        }

        String words() {
            return switch (column) {
                case "task_id" -> "task";
                case "raid_entry_id" -> "RAID entry";
                default -> "risk";
            };
        }
    }

    /** A task's threads, oldest first, each with its replies; deleted comments without replies are gone. */
    @Transactional(readOnly = true)
    public List<Comment> list(CurrentUser user, String projectRef, long taskId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        requireTask(access, taskId);
        return threads(access, Subject.task(taskId));
    }

    /** A RAID entry's threads, as {@link #list} for a task. */
    @Transactional(readOnly = true)
    public List<Comment> listOnRaidEntry(CurrentUser user, String projectRef, long entryId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        requireRaidEntry(access, entryId);
        return threads(access, Subject.raidEntry(entryId));
    }

    /** A risk's threads, as {@link #list} for a task. */
    @Transactional(readOnly = true)
    public List<Comment> listOnRisk(CurrentUser user, String projectRef, long riskId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        requireRisk(access, riskId);
        return threads(access, Subject.risk(riskId));
    }

    private List<Comment> threads(ProjectAccess access, Subject subject) {
        // The column name comes from Subject, never from a request.
        List<Row> rows = jdbc.sql(SELECT + " where c." + subject.column() + " = ? and c.project_id = ?"
                        + " order by c.created_at, c.id")
                .params(subject.id(), access.projectId())
                .query(CommentService::row)
                .list();
        Map<Long, List<Attachment>> files =
                attachments.ofComments(access, rows.stream().map(Row::id).toList());
        Map<Long, List<Comment>> replies = new LinkedHashMap<>();
        for (Row row : rows) {
            if (row.parentId() != null && !row.deleted()) {
                replies.computeIfAbsent(row.parentId(), parent -> new ArrayList<>())
                        .add(comment(access, row, List.of(), files.getOrDefault(row.id(), List.of())));
            }
        }
        List<Comment> threads = new ArrayList<>();
        for (Row row : rows) {
            List<Comment> answers = replies.getOrDefault(row.id(), List.of());
            if (row.parentId() == null && (!row.deleted() || !answers.isEmpty())) {
                threads.add(comment(access, row, answers, files.getOrDefault(row.id(), List.of())));
            }
        }
        return threads;
    }

    @Transactional(readOnly = true)
    public Comment get(CurrentUser user, String projectRef, long commentId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return view(access, require(access, commentId));
    }

    @Transactional
    public Comment post(CurrentUser user, String projectRef, long taskId, NewComment command) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.COMMENT);
        requireTask(access, taskId);
        return post(access, Subject.task(taskId), command);
    }

    /**
     * Comments on a RAID entry (everyone who may comment on tasks may). Mentions notify as on tasks, the
     * notification leading to the entry's page ({@link MentionedOnRaidEntry}).
     */
    @Transactional
    public Comment postOnRaidEntry(CurrentUser user, String projectRef, long entryId, NewComment command) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.COMMENT);
        requireRaidEntry(access, entryId);
        return post(access, Subject.raidEntry(entryId), command);
    }

    /**
     * Comments on a risk, as on an entry of the RAID log: everyone who may comment on tasks may; mentions tell
     * the people mentioned, the notification leading to the risk's page.
     */
    @Transactional
    public Comment postOnRisk(CurrentUser user, String projectRef, long riskId, NewComment command) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.COMMENT);
        requireRisk(access, riskId);
        return post(access, Subject.risk(riskId), command);
    }

    /** Posts a comment on a risk with files attached to it, all or nothing, as on a task. */
    @Transactional
    public Comment postOnRisk(
            CurrentUser user, String projectRef, long riskId, NewComment command, List<NewCommentFile> files) {
        return attach(user, projectRef, postOnRisk(user, projectRef, riskId, command), files);
    }

    private Comment post(ProjectAccess access, Subject subject, NewComment command) {
        String body = checkedBody(command == null ? null : command.body());
        Long parentId = null;
        if (command.parentId() != null) {
            Row parent = find(access, command.parentId())
                    .filter(subject::holds)
                    .orElseThrow(() -> new InvalidInput("parentId", "is not a comment on this " + subject.words()));
            parentId = parent.parentId() != null ? parent.parentId() : parent.id();
        }
        CommentMarkdown.Rendered rendered = render(access, body);
        long id = jdbc.sql("insert into task_comment (project_id, " + subject.column()
                        + ", parent_id, author_id, body, body_html) values (?, ?, ?, ?, ?, ?) returning id")
                .params(
                        access.projectId(),
                        subject.id(),
                        parentId,
                        access.user().id(),
                        body,
                        rendered.html())
                .query(Long.class)
                .single();
        storeMentions(id, rendered.mentionedUserIds());
        if (subject.isTask()) {
            events.publishEvent(new CommentPosted(
                    access.projectId(),
                    subject.id(),
                    id,
                    access.user().id(),
                    Set.copyOf(rendered.mentionedUserIds()),
                    plain(rendered)));
        } else if (!rendered.mentionedUserIds().isEmpty()) {
            publishRaidMentions(access, subject, id, Set.copyOf(rendered.mentionedUserIds()), rendered, false);
        }
        return view(access, require(access, id));
    }

    private void publishRaidMentions(
            ProjectAccess access,
            Subject subject,
            long commentId,
            Set<Long> mentioned,
            CommentMarkdown.Rendered rendered,
            boolean edited) {
        boolean risk = subject.column().equals("risk_id");
        String[] entry = jdbc.sql(
                        risk
                                ? "select 'risk', title from risk where id = ?"
                                : "select type, title from raid_entry where id = ?")
                .param(subject.id())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        events.publishEvent(new MentionedOnRaidEntry(
                access.projectId(),
                access.key(),
                subject.id(),
                "/projects/" + access.key() + (risk ? "/risks/" : "/raid/") + subject.id(),
                entry[0].toLowerCase(java.util.Locale.ROOT),
                entry[1],
                commentId,
                access.user().id(),
                mentioned,
                plain(rendered),
                edited));
    }

    /**
     * Posts a comment with files attached to it, all or nothing: a file that is refused (too large, empty,
     * over the project's total) posts nothing, and no file is left behind.
     */
    @Transactional
    public Comment post(
            CurrentUser user, String projectRef, long taskId, NewComment command, List<NewCommentFile> files) {
        return attach(user, projectRef, post(user, projectRef, taskId, command), files);
    }

    /** Posts a comment on a RAID entry with files attached to it, all or nothing, as on a task. */
    @Transactional
    public Comment postOnRaidEntry(
            CurrentUser user, String projectRef, long entryId, NewComment command, List<NewCommentFile> files) {
        return attach(user, projectRef, postOnRaidEntry(user, projectRef, entryId, command), files);
    }

    private Comment attach(CurrentUser user, String projectRef, Comment posted, List<NewCommentFile> files) {
        for (NewCommentFile file : files) {
            try (InputStream content = file.content().getInputStream()) {
                attachments.uploadToComment(user, projectRef, posted.id(), file.name(), content);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the uploaded file " + file.name(), e);
            }
        }
        return files.isEmpty() ? posted : get(user, projectRef, posted.id());
    }

    /**
     * Changes the text of one's own comment (it shows as edited). People the edit mentions for the first
     * time are told ({@link MentionsAdded}); the watchers, told of the comment when it was posted, are not
     * told again.
     */
    @Transactional
    public Comment edit(CurrentUser user, String projectRef, long commentId, CommentChange change) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.COMMENT);
        Row current = require(access, commentId);
        if (!Objects.equals(current.authorId(), user.id())) {
            throw new Forbidden("Only its author can edit a comment.");
        }
        var problems = new InvalidInput.Collector();
        if (change == null || change.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        problems.throwIfAny();
        String body = checkedBody(change.body());
        CommentMarkdown.Rendered rendered = render(access, body);
        int updated = jdbc.sql("""
                update task_comment set body = ?, body_html = ?, edited_at = now(),
                version = version + 1 where id = ? and version = ? and deleted_at is null
                """)
                .params(body, rendered.html(), commentId, change.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("The comment", view(access, current));
        }
        jdbc.sql("delete from task_comment_mention where comment_id = ?")
                .param(commentId)
                .update();
        storeMentions(commentId, rendered.mentionedUserIds());
        Set<Long> added = new java.util.LinkedHashSet<>(rendered.mentionedUserIds());
        added.removeAll(current.mentions());
        if (!added.isEmpty() && current.taskId() != null) {
            events.publishEvent(new MentionsAdded(
                    access.projectId(), current.taskId(), commentId, user.id(), Set.copyOf(added), plain(rendered)));
        } else if (!added.isEmpty()) {
            publishRaidMentions(access, Subject.of(current), commentId, Set.copyOf(added), rendered, true);
        }
        return view(access, require(access, commentId));
    }

    /**
     * Deletes a comment: its author may, and so may the project's owners and managers. The text goes;
     * the comment stays as "deleted" while replies hang on it. {@code version} is optional.
     */
    @Transactional
    public void delete(CurrentUser user, String projectRef, long commentId, Integer version) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.COMMENT);
        Row current = require(access, commentId);
        if (!mayDelete(access, current)) {
            throw new Forbidden("Only its author, or an owner or manager of the project, can delete a comment.");
        }
        int updated = jdbc.sql("""
                update task_comment set body = '', body_html = '', deleted_at = now(),
                version = version + 1 where id = ? and (?::integer is null or version = ?::integer)
                """).params(commentId, version, version).update();
        if (updated == 0) {
            throw new StaleVersion("The comment", view(access, current));
        }
        jdbc.sql("delete from task_comment_mention where comment_id = ?")
                .param(commentId)
                .update();
        attachments.deleteOfComment(access, commentId);
    }

    /** Resolves or reopens a thread (addressed by its top comment); anyone who may comment may. */
    @Transactional
    public Comment resolve(CurrentUser user, String projectRef, long commentId, ThreadResolution resolution) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.COMMENT);
        Row current = require(access, commentId);
        var problems = new InvalidInput.Collector();
        if (resolution == null || resolution.resolved() == null) {
            problems.add("resolved", "is required: true resolves the thread, false reopens it");
        }
        if (resolution == null || resolution.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        if (current.parentId() != null) {
            problems.add("id", "is a reply: resolve the thread through its first comment " + current.parentId());
        }
        problems.throwIfAny();
        boolean resolved = resolution.resolved();
        int updated = jdbc.sql("""
                update task_comment set resolved_at = case when ? then now() end,
                resolved_by = case when ? then ?::bigint end, version = version + 1
                where id = ? and version = ?
                """)
                .params(resolved, resolved, user.id(), commentId, resolution.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("The comment", view(access, current));
        }
        return view(access, require(access, commentId));
    }

    /** Members of the project whose name or e-mail contains {@code query}, for the @ autocomplete. */
    @Transactional(readOnly = true)
    public List<MentionCandidate> mentionCandidates(CurrentUser user, String projectRef, String query) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        String text = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT);
        if (text.indexOf('\0') >= 0 || text.length() > 200) {
            throw new InvalidInput("q", "must be at most 200 characters of text");
        }
        String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("select u.id, u.name, u.email from project_member m join app_user u on u.id = m.user_id"
                        + " where m.project_id = ? and u.active"
                        + " and (lower(u.name) like ? or lower(u.email) like ?)"
                        + " order by (lower(u.name) like ?) desc, u.name limit " + MAX_MENTION_CANDIDATES)
                .params(access.projectId(), like, like, text + "%")
                .query((rs, n) -> new MentionCandidate(rs.getLong("id"), rs.getString("name"), rs.getString("email")))
                .list();
    }

    private CommentMarkdown.Rendered render(ProjectAccess access, String body) {
        CommentMarkdown.Rendered rendered =
                CommentMarkdown.render(body, email -> member(access, email), wbs -> taskByWbs(access, wbs));
        if (!rendered.unknownMentions().isEmpty()) {
            throw new InvalidInput(
                    "body",
                    "cannot mention "
                            + String.join(
                                    ", ",
                                    rendered.unknownMentions().stream()
                                            .map(email -> "@" + email)
                                            .toList())
                            + ": only members of project " + access.key() + " can be mentioned");
        }
        return rendered;
    }

    private Optional<CommentMarkdown.Person> member(ProjectAccess access, String email) {
        return jdbc.sql("""
                select u.id, u.name from app_user u join project_member m on m.user_id = u.id
                and m.project_id = ? where lower(u.email) = lower(?) and u.active
                """)
                .params(access.projectId(), email)
                .query((rs, n) -> new CommentMarkdown.Person(rs.getLong("id"), rs.getString("name")))
                .optional();
    }

    private Optional<CommentMarkdown.TaskReference> taskByWbs(ProjectAccess access, String wbs) {
        String[] parts = wbs.split("\\.");
        // Outline positions are integers; anything longer than six digits names no task.
        if (parts.length > 30 || Arrays.stream(parts).anyMatch(part -> part.length() > 6)) {
            return Optional.empty();
        }
        String path = "{" + String.join(",", parts) + "}";
        return jdbc.sql("select id, name from task where project_id = ? and outline_path = ?::integer[]")
                .params(access.projectId(), path)
                .query((rs, n) -> new CommentMarkdown.TaskReference(
                        rs.getLong("id"),
                        wbs,
                        rs.getString("name"),
                        "/projects/" + access.key() + "/list?task=" + rs.getLong("id")))
                .optional();
    }

    private void storeMentions(long commentId, Set<Long> userIds) {
        for (long userId : userIds) {
            jdbc.sql("insert into task_comment_mention (comment_id, user_id) values (?, ?) on conflict do nothing")
                    .params(commentId, userId)
                    .update();
        }
    }

    private static String checkedBody(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInput("body", "is required: write something");
        }
        if (body.length() > MAX_LENGTH) {
            throw new InvalidInput("body", "is too long: at most " + MAX_LENGTH + " characters");
        }
        if (body.indexOf('\0') >= 0) {
            throw new InvalidInput("body", "must not contain NUL characters");
        }
        return body.strip();
    }

    private static String plain(CommentMarkdown.Rendered rendered) {
        return Jsoup.parseBodyFragment(rendered.html()).text();
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

    private void requireRisk(ProjectAccess access, long riskId) {
        boolean exists = jdbc.sql("select exists (select 1 from risk where id = ? and project_id = ?)")
                .params(riskId, access.projectId())
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw new NotFound("Project " + access.key() + " has no risk " + riskId + ".");
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

    private Optional<Row> find(ProjectAccess access, long commentId) {
        return jdbc.sql(SELECT + " where c.id = ? and c.project_id = ?")
                .params(commentId, access.projectId())
                .query(CommentService::row)
                .optional();
    }

    /** The comment, or 404 when it is not in this project or was deleted. */
    private Row require(ProjectAccess access, long commentId) {
        return find(access, commentId)
                .filter(row -> !row.deleted())
                .orElseThrow(
                        () -> new NotFound("There is no comment " + commentId + " in project " + access.key() + "."));
    }

    private Comment view(ProjectAccess access, Row row) {
        List<Row> replyRows = List.of();
        if (row.parentId() == null) {
            replyRows = jdbc.sql(SELECT + " where c.parent_id = ? and c.deleted_at is null order by c.created_at, c.id")
                    .param(row.id())
                    .query(CommentService::row)
                    .list();
        }
        List<Long> ids = new ArrayList<>();
        ids.add(row.id());
        replyRows.forEach(reply -> ids.add(reply.id()));
        Map<Long, List<Attachment>> files = attachments.ofComments(access, ids);
        List<Comment> replies = replyRows.stream()
                .map(reply -> comment(access, reply, List.of(), files.getOrDefault(reply.id(), List.of())))
                .toList();
        return comment(access, row, replies, files.getOrDefault(row.id(), List.of()));
    }

    private static boolean mayDelete(ProjectAccess access, Row row) {
        return Objects.equals(row.authorId(), access.user().id()) || access.can(Permission.EDIT_PROJECT);
    }

    private static Comment comment(ProjectAccess access, Row row, List<Comment> replies, List<Attachment> files) {
        boolean open = !row.deleted() && !access.archived() && access.can(Permission.COMMENT);
        return new Comment(
                row.id(),
                row.taskId(),
                row.raidEntryId(),
                row.riskId(),
                row.parentId(),
                row.authorId(),
                row.authorName() == null ? "Former user" : row.authorName(),
                row.body(),
                row.html(),
                row.createdAt(),
                row.editedAt(),
                row.deleted(),
                row.resolvedAt(),
                row.resolvedById(),
                row.resolvedByName(),
                row.mentions(),
                open && Objects.equals(row.authorId(), access.user().id()),
                open && mayDelete(access, row),
                row.version(),
                replies,
                files);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getObject("task_id", Long.class),
                rs.getObject("raid_entry_id", Long.class),
                rs.getObject("risk_id", Long.class),
                rs.getObject("parent_id", Long.class),
                rs.getObject("author_id", Long.class),
                rs.getString("author_name"),
                rs.getString("body"),
                rs.getString("body_html"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("edited_at")),
                rs.getTimestamp("deleted_at") != null,
                instant(rs.getTimestamp("resolved_at")),
                rs.getObject("resolved_by", Long.class),
                rs.getString("resolved_by_name"),
                ids(rs.getArray("mentions")),
                rs.getInt("version"));
    }

    private static List<Long> ids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Long[]) array.getArray()).toList();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
