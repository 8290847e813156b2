package org.gantry.server.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.PageOf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writes audit rows (joining the caller's transaction) and pages through them for system admins. */
@Service
public class AuditLog {

    private static final String COLUMNS = "id, occurred_at, kind, actor_id, actor_email, token_id, address,"
            + " subject_id, subject_email, project_key, detail, old_value, new_value";
    private static final int MAX_TEXT = 500;

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a new row says; the time is the database's. */
    record Row(
            AuditKind kind,
            Long actorId,
            String actorEmail,
            Long tokenId,
            String address,
            Long subjectId,
            String subjectEmail,
            String project,
            String detail,
            String oldValue,
            String newValue) {}

    @Transactional
    void record(Row row) {
        jdbc.sql("""
                insert into audit (kind, actor_id, actor_email, token_id, address, subject_id, subject_email,
                project_key, detail, old_value, new_value) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        row.kind().name(),
                        row.actorId(),
                        clip(row.actorEmail()),
                        row.tokenId(),
                        clip(row.address()),
                        row.subjectId(),
                        clip(row.subjectEmail()),
                        clip(row.project()),
                        clip(row.detail()),
                        clip(row.oldValue()),
                        clip(row.newValue()))
                .update();
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public PageOf<AuditEntry> page(CurrentUser caller, AuditQuery query) {
        if (!caller.systemAdmin()) {
            throw new Forbidden("Only a system admin can read the audit log.");
        }
        var problems = new InvalidInput.Collector();
        if (query.page() < 0 || query.page() > 1_000_000) {
            problems.add("page", "must be between 0 and 1000000");
        }
        if (query.size() < 1 || query.size() > 500) {
            problems.add("size", "must be between 1 and 500");
        }
        if (query.from() != null && query.to() != null && query.from().isAfter(query.to())) {
            problems.add("to", "must not be before from");
        }
        if (outOfRange(query.from())) {
            problems.add("from", "must be a date between 1970 and 9999");
        }
        if (outOfRange(query.to())) {
            problems.add("to", "must be a date between 1970 and 9999");
        }
        String person = query.person() == null ? "" : query.person().strip();
        if (person.length() > 320) {
            problems.add("person", "must be at most 320 characters long");
        }
        if (person.indexOf('\0') >= 0) {
            problems.add("person", "must not contain NUL characters");
        }
        problems.throwIfAny();

        StringBuilder where = new StringBuilder(" from audit where true");
        List<Object> params = new ArrayList<>();
        if (!person.isEmpty()) {
            if (person.matches("[0-9]{1,18}")) {
                where.append(" and (actor_id = ? or subject_id = ?)");
                params.add(Long.parseLong(person));
                params.add(Long.parseLong(person));
            } else {
                String pattern = "%"
                        + person.toLowerCase(Locale.ROOT)
                                .replace("\\", "\\\\")
                                .replace("%", "\\%")
                                .replace("_", "\\_")
                        + "%";
                where.append(" and (lower(actor_email) like ? or lower(subject_email) like ?)");
                params.add(pattern);
                params.add(pattern);
            }
        }
        List<AuditKind> kinds = query.kinds() == null
                ? List.of()
                : query.kinds().stream().filter(k -> k != null).distinct().toList();
        if (!kinds.isEmpty()) {
            where.append(" and kind in (")
                    .append(String.join(", ", kinds.stream().map(k -> "?").toList()))
                    .append(")");
            kinds.forEach(kind -> params.add(kind.name()));
        }
        if (query.from() != null) {
            where.append(" and occurred_at >= ?");
            params.add(query.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (query.to() != null) {
            where.append(" and occurred_at < ?");
            params.add(query.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        long total = jdbc.sql("select count(*)" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(query.size());
        pageParams.add((long) query.page() * query.size());
        List<AuditEntry> items = jdbc.sql(
                        "select " + COLUMNS + where + " order by occurred_at desc, id desc limit ? offset ?")
                .params(pageParams)
                .query(AuditLog::entry)
                .list();
        return new PageOf<>(items, query.page(), query.size(), total);
    }

    private static boolean outOfRange(LocalDate date) {
        return date != null && (date.getYear() < 1970 || date.getYear() > 9999);
    }

    private static String clip(String text) {
        if (text == null) {
            return null;
        }
        String clean = text.replace('\0', ' ');
        return clean.length() > MAX_TEXT ? clean.substring(0, MAX_TEXT) : clean;
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                AuditKind.valueOf(rs.getString("kind")),
                (Long) rs.getObject("actor_id"),
                rs.getString("actor_email"),
                (Long) rs.getObject("token_id"),
                rs.getString("address"),
                (Long) rs.getObject("subject_id"),
                rs.getString("subject_email"),
                rs.getString("project_key"),
                rs.getString("detail"),
                rs.getString("old_value"),
                rs.getString("new_value"));
    }
}
