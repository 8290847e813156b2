package org.gantry.server.cost;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.collaboration.AttachmentService;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records, lists, changes and deletes a project's expenses. Members (and owners and managers) record their
 * own; owners and managers see and change everyone's, members only their own (another member's expense,
 * amount and all, is not shown to them: what a colleague spends is the managers' business, as rates are).
 * Stakeholders see no money: 403.
 */
@Service
class ExpenseService {
    static final int MAXIMUM_PAGE = 500;
    private static final int MAXIMUM_NOTE = 2000;
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2200, 12, 31);
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");
    private static final String SELECT = """
        select x.id, p.project_key, x.task_id, t.name as task_name, x.user_id,
        u.name as user_name, x.expense_date, x.amount, x.note, x.created_at, x.updated_at, x.version,
        r.name as receipt_name, r.size_bytes as receipt_size, r.content_type as receipt_type,
        r.created_at as receipt_at
        from expense x join project p on p.id = x.project_id left join task t on t.id = x.task_id
        join app_user u on u.id = x.user_id left join expense_receipt r on r.expense_id = x.id
        """;

    /** What a receipt may be: a scan or photo, as the bytes say (never what the browser claimed). */
    static final java.util.Set<String> RECEIPT_TYPES = java.util.Set.of(
            "application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "image/heic", "image/heif");

    private static final String RECEIPT_WORDS = "a PDF or an image (PNG, JPEG, GIF, WebP, HEIC)";

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final AttachmentService files;

    ExpenseService(JdbcClient jdbc, ProjectService projects, AttachmentService files) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.files = files;
    }

    /** The expenses the caller may see, by date; from, to (inclusive) and task are optional filters. */
    @Transactional(readOnly = true)
    public List<Expense> list(CurrentUser user, String projectRef, LocalDate from, LocalDate to, Long task) {
        ProjectAccess access = readable(user, projectRef);
        InvalidInput.Collector problems = new InvalidInput.Collector();
        checkDate("from", from, problems);
        checkDate("to", to, problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add("to", "must not be before from");
        }
        problems.throwIfAny();
        StringBuilder where = new StringBuilder(" where x.project_id = :project");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("project", access.projectId());
        if (!access.can(Permission.SEE_COSTS)) {
            where.append(" and x.user_id = :me");
            params.put("me", user.id());
        }
        if (from != null) {
            where.append(" and x.expense_date >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and x.expense_date <= :to");
            params.put("to", to);
        }
        if (task != null) {
            where.append(" and x.task_id = :task");
            params.put("task", task);
        }
        return jdbc.sql(SELECT + where + " order by x.expense_date, x.id")
                .params(params)
                .query(ExpenseService::expense)
                .list();
    }

    @Transactional(readOnly = true)
    public Expense get(CurrentUser user, String projectRef, long id) {
        ProjectAccess access = readable(user, projectRef);
        Expense expense = find(access, id);
        if (expense.userId() != user.id() && !access.can(Permission.SEE_COSTS)) {
            throw new Forbidden("Only owners and managers of project " + access.key() + " see others' expenses.");
        }
        return expense;
    }

    @Transactional
    public Expense create(CurrentUser user, String projectRef, NewExpense body) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.LOG_TIME);
        if (body == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (body.date() == null) {
            problems.add("date", "is required");
        }
        checkDate("date", body.date(), problems);
        if (body.amount() == null) {
            problems.add("amount", "is required");
        }
        BigDecimal amount = amount(body.amount(), problems);
        String note = note(body.note(), problems);
        Long task = task(access, body.taskId(), problems);
        problems.throwIfAny();
        long id = jdbc.sql("""
                insert into expense (project_id, task_id, user_id, expense_date, amount, note)
                values (?, ?, ?, ?, ?, ?) returning id
                """)
                .params(access.projectId(), task, user.id(), body.date(), amount, note)
                .query(Long.class)
                .single();
        return find(access, id);
    }

    @Transactional
    public Expense update(CurrentUser user, String projectRef, long id, ExpenseChanges changes) {
        ProjectAccess access = projects.access(user, projectRef);
        Expense current = writable(access, id);
        if (changes == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (changes.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        checkDate("date", changes.date(), problems);
        BigDecimal amount = changes.amount() == null ? current.amount() : amount(changes.amount(), problems);
        String note = changes.note() == null ? current.note() : note(changes.note(), problems);
        Long task = changes.taskId() == null
                ? current.taskId()
                : changes.taskId() == 0 ? null : task(access, changes.taskId(), problems);
        problems.throwIfAny();
        int updated = jdbc.sql("""
                update expense set expense_date = ?, amount = ?, note = ?, task_id = ?,
                updated_at = now(), version = version + 1 where id = ? and version = ?
                """)
                .params(
                        changes.date() == null ? current.date() : changes.date(),
                        amount,
                        note,
                        task,
                        id,
                        changes.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("Expense " + id, find(access, id));
        }
        return find(access, id);
    }

    @Transactional
    public void delete(CurrentUser user, String projectRef, long id, Integer version) {
        ProjectAccess access = projects.access(user, projectRef);
        writable(access, id);
        List<String> keys = receiptKeys(id);
        int deleted = jdbc.sql(
                        "delete from expense where id = :id" + (version == null ? "" : " and version = :version"))
                .param("id", id)
                .params(version == null ? Map.of() : Map.of("version", version))
                .update();
        if (deleted == 0) {
            throw new StaleVersion("Expense " + id, find(access, id));
        }
        files.deleteFiles(keys);
    }

    /**
     * Attaches the receipt of an expense (one you may change), replacing the one it had: a PDF or an image,
     * within the attachment limits (per file and the project's total).
     */
    @Transactional
    public Expense attachReceipt(CurrentUser user, String projectRef, long id, String name, InputStream content) {
        ProjectAccess access = projects.access(user, projectRef);
        writable(access, id);
        List<String> previous = receiptKeys(id);
        AttachmentService.StoredFile file = files.storeFile(access, name, content, RECEIPT_TYPES, RECEIPT_WORDS);
        jdbc.sql("delete from expense_receipt where expense_id = ?").param(id).update();
        jdbc.sql("""
                insert into expense_receipt (expense_id, project_id, storage_key, name, size_bytes, content_type,
                sha256, uploader_id) values (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(
                        id,
                        access.projectId(),
                        file.key(),
                        file.name(),
                        file.size(),
                        file.contentType(),
                        file.sha256(),
                        user.id())
                .update();
        files.deleteFiles(previous);
        return find(access, id);
    }

    /**
     * Records an expense, or changes one ({@code id} and the changes), with a receipt when one is given: all or
     * nothing, so a refused receipt records no expense.
     */
    @Transactional
    public Expense save(
            CurrentUser user,
            String projectRef,
            Long id,
            NewExpense recorded,
            ExpenseChanges changes,
            String receiptName,
            InputStream receipt) {
        Expense expense = id == null ? create(user, projectRef, recorded) : update(user, projectRef, id, changes);
        return receipt == null ? expense : attachReceipt(user, projectRef, expense.id(), receiptName, receipt);
    }

    /** The receipt's bytes, for whoever sees the expense; 404 when it has none. */
    @Transactional(readOnly = true)
    public AttachmentService.Download receipt(CurrentUser user, String projectRef, long id) {
        Expense expense = get(user, projectRef, id);
        record Stored(String key, String name, String type, long size) {}
        Stored stored = jdbc.sql("""
                select storage_key, name, content_type, size_bytes from expense_receipt
                where expense_id = ?
                """)
                .param(id)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .optional()
                .orElseThrow(
                        () -> new NotFound("Expense " + id + " of project " + expense.project() + " has no receipt."));
        return files.file(stored.key(), stored.name(), stored.type(), stored.size());
    }

    /** Removes an expense's receipt (whoever may change the expense); 404 when it has none. */
    @Transactional
    public void deleteReceipt(CurrentUser user, String projectRef, long id) {
        ProjectAccess access = projects.access(user, projectRef);
        writable(access, id);
        List<String> keys = jdbc.sql("delete from expense_receipt where expense_id = ? returning storage_key")
                .param(id)
                .query(String.class)
                .list();
        if (keys.isEmpty()) {
            throw new NotFound("Expense " + id + " of project " + access.key() + " has no receipt.");
        }
        files.deleteFiles(keys);
    }

    private List<String> receiptKeys(long expenseId) {
        return jdbc.sql("select storage_key from expense_receipt where expense_id = ?")
                .param(expenseId)
                .query(String.class)
                .list();
    }

    /** Members and up; stakeholders see no money. */
    private static ProjectAccess readable(CurrentUser user, ProjectAccess access) {
        if (!access.can(Permission.LOG_TIME)) {
            throw new Forbidden("Expenses of project " + access.key() + " are for its owners, managers and members;"
                    + " your role ("
                    + (access.role() == null ? "none" : access.role().name().toLowerCase())
                    + ") sees no money.");
        }
        return access;
    }

    private ProjectAccess readable(CurrentUser user, String projectRef) {
        return readable(user, projects.access(user, projectRef));
    }

    /** Own expenses for members, everyone's for owners and managers; 403 otherwise. */
    private Expense writable(ProjectAccess access, long id) {
        readable(access.user(), access);
        Expense expense = find(access, id);
        if (expense.userId() != access.user().id()) {
            if (!access.can(Permission.SEE_COSTS)) {
                throw new Forbidden(
                        "Only owners and managers of project " + access.key() + " change others' expenses.");
            }
        }
        access.require(Permission.LOG_TIME);
        return expense;
    }

    private Expense find(ProjectAccess access, long id) {
        return jdbc.sql(SELECT + " where x.id = :id and x.project_id = :project")
                .param("id", id)
                .param("project", access.projectId())
                .query(ExpenseService::expense)
                .optional()
                .orElseThrow(() -> new NotFound("There is no expense " + id + " in project " + access.key() + "."));
    }

    private Long task(ProjectAccess access, Long taskId, InvalidInput.Collector problems) {
        if (taskId == null) {
            return null;
        }
        long found = jdbc.sql("select count(*) from task where id = ? and project_id = ?")
                .params(taskId, access.projectId())
                .query(Long.class)
                .single();
        if (found == 0) {
            problems.add("taskId", "must be a task of project " + access.key());
        }
        return taskId;
    }

    static BigDecimal amount(BigDecimal amount, InvalidInput.Collector problems) {
        if (amount == null) {
            return null;
        }
        if (amount.signum() <= 0) {
            problems.add("amount", "must be more than 0");
        } else if (amount.compareTo(LIMIT) >= 0) {
            problems.add("amount", "must be less than 1000000000000");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            problems.add("amount", "must have at most two decimals (cents)");
        }
        return amount;
    }

    static String note(String note, InvalidInput.Collector problems) {
        if (note == null) {
            return "";
        }
        if (note.length() > MAXIMUM_NOTE) {
            problems.add("note", "must be at most " + MAXIMUM_NOTE + " characters");
        } else if (note.indexOf('\0') >= 0) {
            problems.add("note", "must not contain NUL characters");
        }
        return note.strip();
    }

    static void checkDate(String field, LocalDate date, InvalidInput.Collector problems) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            problems.add(field, "must lie between 1900-01-01 and 2200-12-31");
        }
    }

    private static Expense expense(ResultSet rs, int row) throws SQLException {
        return new Expense(
                rs.getLong("id"),
                rs.getString("project_key"),
                rs.getObject("task_id", Long.class),
                rs.getString("task_name"),
                rs.getLong("user_id"),
                rs.getString("user_name"),
                rs.getObject("expense_date", LocalDate.class),
                rs.getBigDecimal("amount"),
                rs.getString("note"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("version"),
                rs.getString("receipt_name") == null
                        ? null
                        : new Receipt(
                                rs.getString("receipt_name"),
                                rs.getLong("receipt_size"),
                                rs.getString("receipt_type"),
                                rs.getTimestamp("receipt_at").toInstant(),
                                "/api/v1/projects/" + rs.getString("project_key") + "/expenses/" + rs.getLong("id")
                                        + "/receipt"));
    }
}
