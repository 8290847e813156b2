package org.gantry.server.board;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.gantry.server.task.Assignee;
import org.gantry.server.task.Priority;
import org.gantry.server.task.StatusCategory;
import org.gantry.server.task.TaskChanges;
import org.gantry.server.task.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the board in four queries (statuses with their limits, leaf tasks, assignees, holding links) and
 * moves cards. Reading needs any role, moving {@link Permission#EDIT_TASKS}, setting limits
 * {@link Permission#MANAGE_TASKS}.
 */
@Service
public class BoardService {

    /** Room left between two ranks, so most drops write the moved card's rank only. */
    static final long RANK_GAP = 1024;

    private static final String CARD_COLUMNS = "t.id, array_to_string(t.outline_path, '.') as wbs, t.name, t.status,"
            + " t.priority, t.tags, t.story_points, t.finish_at, t.percent_complete, t.version, s.category";
    private static final String LEAF = "not exists (select 1 from task c where c.parent_id = t.id)";

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final TaskService tasks;
    private final BoardPreferenceService preferences;

    BoardService(JdbcClient jdbc, ProjectService projects, TaskService tasks, BoardPreferenceService preferences) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.tasks = tasks;
        this.preferences = preferences;
    }

    @Transactional(readOnly = true)
    public Board board(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        List<Card> cards = cards(access, "", List.of());
        Map<String, List<Card>> byStatus = new HashMap<>();
        for (Card card : cards) {
            byStatus.computeIfAbsent(card.status(), key -> new ArrayList<>()).add(card);
        }
        List<BoardColumn> columns = new ArrayList<>();
        for (ColumnRow column : columns(access)) {
            List<Card> inColumn = byStatus.getOrDefault(column.status(), List.of());
            columns.add(new BoardColumn(
                    column.status(),
                    column.name(),
                    column.category(),
                    column.wipLimit(),
                    column.wipBlocking(),
                    inColumn.size(),
                    column.wipLimit() != null && inColumn.size() > column.wipLimit(),
                    column.version(),
                    List.copyOf(inColumn)));
        }
        return new Board(access.key(), columns);
    }

    /**
     * The board as the caller saved their view of it ({@link BoardPreferences}): only the cards that pass
     * every filter, split into swimlanes when chosen. A card with several assignees or tags goes to the lane
     * of the first (by name); cards with none share the last lane.
     */
    @Transactional(readOnly = true)
    public BoardView view(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        BoardPreferences chosen = preferences.stored(access);
        Board full = board(user, access.key());
        Set<Long> inSprint = Boolean.TRUE.equals(chosen.activeSprintOnly()) ? activeSprintTasks(access) : Set.of();
        String text = chosen.text() == null ? null : chosen.text().toLowerCase(Locale.ROOT);
        Predicate<Card> shown = card -> (!Boolean.TRUE.equals(chosen.mine()) || assigned(card, user.id()))
                && (chosen.assigneeId() == null || assigned(card, chosen.assigneeId()))
                && (chosen.tag() == null || card.tags().stream().anyMatch(tag -> tag.equalsIgnoreCase(chosen.tag())))
                && (text == null
                        || (card.wbs() + " " + card.name())
                                .toLowerCase(Locale.ROOT)
                                .contains(text))
                && (!Boolean.TRUE.equals(chosen.activeSprintOnly()) || inSprint.contains(card.id()));
        Map<Long, Integer> positions = new HashMap<>();
        List<BoardColumn> columns = new ArrayList<>();
        for (BoardColumn column : full.columns()) {
            List<Card> cards = new ArrayList<>();
            int position = 1;
            for (Card card : column.cards()) {
                if (shown.test(card)) {
                    positions.put(card.id(), position);
                    cards.add(card);
                }
                position++;
            }
            columns.add(new BoardColumn(
                    column.status(),
                    column.name(),
                    column.category(),
                    column.wipLimit(),
                    column.wipBlocking(),
                    column.cardCount(),
                    column.overLimit(),
                    column.version(),
                    List.copyOf(cards)));
        }
        Swimlanes swimlanes = chosen.swimlanes() == null ? Swimlanes.NONE : chosen.swimlanes();
        List<Swimlane> lanes = swimlanes == Swimlanes.NONE ? List.of() : lanes(access, swimlanes, columns);
        List<String> tags = full.columns().stream()
                .flatMap(column -> column.cards().stream())
                .flatMap(card -> card.tags().stream())
                .distinct()
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
        return new BoardView(access.key(), chosen, columns, lanes, Map.copyOf(positions), tags);
    }

    private static boolean assigned(Card card, long userId) {
        return card.assignees().stream().anyMatch(assignee -> assignee.id() == userId);
    }

    private Set<Long> activeSprintTasks(ProjectAccess access) {
        return new HashSet<>(jdbc.sql("select st.task_id from sprint_task st join sprint s on s.id = st.sprint_id"
                        + " where s.project_id = ? and s.state = 'ACTIVE' and st.outcome is null")
                .param(access.projectId())
                .query(Long.class)
                .list());
    }

    /** The lanes in their order (the lane of cards with none last), each with a cell per column. */
    private List<Swimlane> lanes(ProjectAccess access, Swimlanes swimlanes, List<BoardColumn> columns) {
        record Lane(String key, String name, String order) {}
        Map<Long, Lane> epics = new HashMap<>();
        if (swimlanes == Swimlanes.EPIC) {
            jdbc.sql("select t.id, p.id, array_to_string(p.outline_path, '.'), p.name,"
                            + " row_number() over (order by p.outline_path) from task t join task p on p.id = t.parent_id"
                            + " where t.project_id = ?")
                    .param(access.projectId())
                    .query(rs -> {
                        epics.put(
                                rs.getLong(1),
                                new Lane(
                                        String.valueOf(rs.getLong(2)),
                                        rs.getString(3) + " " + rs.getString(4),
                                        String.format("%010d", rs.getLong(5))));
                    });
        }
        Lane none =
                switch (swimlanes) {
                    case ASSIGNEE -> new Lane("", "Unassigned", "\uffff");
                    case EPIC -> new Lane("", "No summary task", "\uffff");
                    default -> new Lane("", "No tag", "\uffff");
                };
        Map<Long, Lane> laneOf = new HashMap<>();
        Map<String, Lane> lanes = new HashMap<>();
        for (BoardColumn column : columns) {
            for (Card card : column.cards()) {
                Lane lane =
                        switch (swimlanes) {
                            case ASSIGNEE ->
                                card.assignees().isEmpty()
                                        ? none
                                        : new Lane(
                                                String.valueOf(
                                                        card.assignees().get(0).id()),
                                                card.assignees().get(0).name(),
                                                card.assignees().get(0).name().toLowerCase(Locale.ROOT) + "\u0000"
                                                        + card.assignees()
                                                                .get(0)
                                                                .id());
                            case PRIORITY ->
                                new Lane(
                                        card.priority().name(),
                                        card.priority().name().charAt(0)
                                                + card.priority()
                                                        .name()
                                                        .substring(1)
                                                        .toLowerCase(Locale.ROOT),
                                        String.valueOf(Priority.values().length
                                                - card.priority().ordinal()));
                            case EPIC -> epics.getOrDefault(card.id(), none);
                            default ->
                                card.tags().stream()
                                        .min(String.CASE_INSENSITIVE_ORDER)
                                        .map(tag -> new Lane(tag, tag, tag.toLowerCase(Locale.ROOT) + "\u0000" + tag))
                                        .orElse(none);
                        };
                laneOf.put(card.id(), lane);
                lanes.putIfAbsent(lane.key(), lane);
            }
        }
        List<Swimlane> result = new ArrayList<>();
        lanes.values().stream()
                .sorted(java.util.Comparator.comparing(Lane::order))
                .forEach(lane -> {
                    List<Swimlane.Cell> cells = new ArrayList<>();
                    int count = 0;
                    for (BoardColumn column : columns) {
                        List<Card> cards = column.cards().stream()
                                .filter(card -> laneOf.get(card.id()).key().equals(lane.key()))
                                .toList();
                        count += cards.size();
                        cells.add(new Swimlane.Cell(column.status(), cards.size(), cards));
                    }
                    result.add(new Swimlane(lane.key(), lane.name(), count, List.copyOf(cells)));
                });
        return List.copyOf(result);
    }

    /**
     * Moves a card to another column and/or place. A new status goes through the task update (version
     * check, % complete, reschedule, activity, notifications); a move within the column only claims the
     * version. Into a DONE-category column the task becomes 100 % complete (the task update does that);
     * out of one it gets back the % complete it had before it was done (0 when that was 100 or unknown).
     */
    @Transactional
    public Card move(CurrentUser user, String projectRef, long taskId, CardMove move) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_TASKS);
        var problems = new InvalidInput.Collector();
        if (move.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        if (move.position() != null && move.position() < 1) {
            problems.add("position", "must be 1 or more");
        }
        List<ColumnRow> columns = columns(access);
        ColumnRow target = null;
        if (move.status() != null) {
            String key = move.status().strip().toLowerCase(Locale.ROOT);
            target = columns.stream()
                    .filter(column -> column.status().equals(key))
                    .findFirst()
                    .orElse(null);
            if (target == null) {
                problems.add("status", "is not a status of this project (see GET .../statuses)");
            }
        }
        problems.throwIfAny();
        // Ranks of a column are read and written under the project's lock, like the outline.
        jdbc.sql("select pg_advisory_xact_lock(?)").param(access.projectId()).query(rs -> {});
        String summaryWbs = summaryWbs(access, taskId);
        if (!summaryWbs.isEmpty()) {
            throw new Conflict(
                    "Not a card", "Task " + summaryWbs + " is a summary task: its subtasks are the cards; move those.");
        }
        Card card = card(access, taskId);
        if (card.version() != move.version()) {
            throw new StaleVersion("Task " + taskId, card);
        }
        ColumnRow from = columns.stream()
                .filter(column -> column.status().equals(card.status()))
                .findFirst()
                .orElseThrow();
        ColumnRow to = target == null ? from : target;
        List<long[]> others = ranked(access, to.status(), taskId);
        boolean changesColumn = !to.status().equals(from.status());
        if (changesColumn && to.wipBlocking() && to.wipLimit() != null && others.size() + 1 > to.wipLimit()) {
            throw new Conflict(
                    "WIP limit reached",
                    "The column " + to.name() + " holds " + others.size() + " of at most " + to.wipLimit()
                            + " cards; finish one there first or ask a manager to raise its limit.",
                    Map.of("current", card));
        }
        if (changesColumn) {
            Integer percent = null;
            if (from.category() == StatusCategory.DONE && to.category() != StatusCategory.DONE) {
                percent = percentBeforeDone(taskId);
            }
            try {
                tasks.update(user, access.key(), taskId, TaskChanges.status(to.status(), percent, move.version()));
            } catch (StaleVersion e) {
                throw new StaleVersion("Task " + taskId, card(access, taskId));
            }
        } else {
            int claimed = jdbc.sql(
                            "update task set version = version + 1, updated_at = now() where id = ? and version = ?")
                    .params(taskId, move.version())
                    .update();
            if (claimed == 0) {
                throw new StaleVersion("Task " + taskId, card(access, taskId));
            }
        }
        place(taskId, others, move.position());
        return card(access, taskId);
    }

    /** Sets a column's WIP limit; the version is the column's settings version (0 before the first). */
    @Transactional
    public BoardColumn setColumn(CurrentUser user, String projectRef, String status, ColumnSettings settings) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.MANAGE_TASKS);
        String key = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
        var problems = new InvalidInput.Collector();
        if (settings.version() == null) {
            problems.add("version", "is required: send the version you last read (0 for a column never set)");
        }
        if (settings.wipLimit() != null && (settings.wipLimit() < 1 || settings.wipLimit() > 100_000)) {
            problems.add("wipLimit", "must be between 1 and 100000, or null for no limit");
        }
        if (settings.status() != null && !settings.status().strip().equalsIgnoreCase(key)) {
            problems.add("status", "must be the status of the address, or left out");
        }
        jdbc.sql("select pg_advisory_xact_lock(?)").param(access.projectId()).query(rs -> {});
        ColumnRow current = columns(access).stream()
                .filter(column -> column.status().equals(key))
                .findFirst()
                .orElseThrow(() -> new NotFound("Project " + access.key() + " has no status " + status + "."));
        problems.throwIfAny();
        if (current.version() != settings.version()) {
            throw new StaleVersion("The column " + current.name(), column(access, key));
        }
        jdbc.sql("insert into board_column (project_id, status_key, wip_limit, wip_blocking, version)"
                        + " values (?, ?, ?, ?, 1) on conflict (project_id, status_key) do update"
                        + " set wip_limit = excluded.wip_limit, wip_blocking = excluded.wip_blocking,"
                        + " version = board_column.version + 1")
                .params(access.projectId(), key, settings.wipLimit(), Boolean.TRUE.equals(settings.wipBlocking()))
                .update();
        return column(access, key);
    }

    /** Every recorded status change in the project (or of one task), oldest first. */
    @Transactional(readOnly = true)
    public List<StatusChange> history(CurrentUser user, String projectRef, Long taskId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return statusChanges(access, taskId);
    }

    List<StatusChange> statusChanges(ProjectAccess access, Long taskId) {
        return jdbc.sql("select a.task_id, a.label, a.occurred_at, a.actor_id, u.name, a.actor_kind,"
                        + " a.changes -> 'status' ->> 0 as from_status, a.changes -> 'status' ->> 1 as to_status"
                        + " from activity a left join app_user u on u.id = a.actor_id"
                        + " where a.project_id = ? and a.entity = 'task' and a.changes -> 'status' is not null"
                        + (taskId == null ? " and ?::bigint is null" : " and a.task_id = ?")
                        + " order by a.occurred_at, a.id")
                .params(access.projectId(), taskId)
                .query((rs, row) -> new StatusChange(
                        rs.getLong("task_id"),
                        rs.getString("label"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("actor_id", Long.class),
                        rs.getString("name"),
                        rs.getString("actor_kind"),
                        rs.getString("from_status"),
                        rs.getString("to_status")))
                .list();
    }

    BoardColumn column(ProjectAccess access, String status) {
        ColumnRow column = columns(access).stream()
                .filter(row -> row.status().equals(status))
                .findFirst()
                .orElseThrow();
        List<Card> cards = cards(access, " and t.status = ?", List.of(status));
        return new BoardColumn(
                column.status(),
                column.name(),
                column.category(),
                column.wipLimit(),
                column.wipBlocking(),
                cards.size(),
                column.wipLimit() != null && cards.size() > column.wipLimit(),
                column.version(),
                cards);
    }

    Card card(ProjectAccess access, long taskId) {
        return cards(access, " and t.id = ?", List.of(taskId)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("There is no task " + taskId + " in project " + access.key() + "."));
    }

    /** The WBS of the task when it is a summary task, empty when it is a leaf; 404 when there is no such task. */
    private String summaryWbs(ProjectAccess access, long taskId) {
        return jdbc.sql("select case when exists(select 1 from task c where c.parent_id = t.id)"
                        + " then array_to_string(t.outline_path, '.') else '' end from task t"
                        + " where t.id = ? and t.project_id = ?")
                .params(taskId, access.projectId())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFound("There is no task " + taskId + " in project " + access.key() + "."));
    }

    /**
     * The % complete the task had before it was last marked done: the activity log holds the change to
     * 100 with the value before it. 0 when there is none below 100.
     */
    private int percentBeforeDone(long taskId) {
        return jdbc.sql("select coalesce((a.changes -> 'percent_complete' ->> 0)::int, 100) from activity a"
                        + " where a.task_id = ? and a.entity = 'task' and a.changes -> 'percent_complete' ->> 1 = '100'"
                        + " order by a.id desc limit 1")
                .param(taskId)
                .query(Integer.class)
                .optional()
                .filter(percent -> percent >= 0 && percent < 100)
                .orElse(0);
    }

    /** The other cards of a column in board order: {id, rank or Long.MIN_VALUE when none}. */
    private List<long[]> ranked(ProjectAccess access, String status, long except) {
        return jdbc.sql("select t.id, t.board_rank from task t where t.project_id = ? and t.status = ? and t.id <> ?"
                        + " and " + LEAF + " order by t.board_rank nulls last, t.outline_path")
                .params(access.projectId(), status, except)
                .query((rs, row) -> {
                    Long rank = rs.getObject(2, Long.class);
                    return new long[] {rs.getLong(1), rank == null ? Long.MIN_VALUE : rank};
                })
                .list();
    }

    /**
     * Gives the card a rank between its new neighbours; when either has none or there is no room between
     * them, renumbers the whole column (one statement) with the card in its place.
     */
    private void place(long taskId, List<long[]> others, Integer position) {
        int index = position == null ? others.size() : Math.min(position - 1, others.size());
        long before = index > 0 ? others.get(index - 1)[1] : Long.MAX_VALUE;
        long after = index < others.size() ? others.get(index)[1] : Long.MAX_VALUE;
        Long rank = null;
        if (index == 0 && after == Long.MAX_VALUE) {
            rank = RANK_GAP;
        } else if (index == 0 && after != Long.MIN_VALUE) {
            rank = after - RANK_GAP;
        } else if (index == others.size() && before != Long.MIN_VALUE) {
            rank = before + RANK_GAP;
        } else if (before != Long.MIN_VALUE && after != Long.MIN_VALUE && after - before > 1) {
            rank = before + (after - before) / 2;
        }
        if (rank != null) {
            jdbc.sql("update task set board_rank = ? where id = ?")
                    .params(rank, taskId)
                    .update();
            return;
        }
        List<Long> order = new ArrayList<>();
        others.forEach(other -> order.add(other[0]));
        order.add(index, taskId);
        Long[] ids = order.toArray(Long[]::new);
        Long[] ranks = new Long[ids.length];
        for (int i = 0; i < ranks.length; i++) {
            ranks[i] = (i + 1) * RANK_GAP;
        }
        jdbc.sql("update task t set board_rank = r.rank from unnest(?::bigint[], ?::bigint[]) as r(id, rank)"
                        + " where t.id = r.id and t.board_rank is distinct from r.rank")
                .params(ids, ranks)
                .update();
    }

    private record ColumnRow(
            String status, String name, StatusCategory category, Integer wipLimit, boolean wipBlocking, int version) {}

    private List<ColumnRow> columns(ProjectAccess access) {
        return jdbc.sql("select s.status_key, s.name, s.category, b.wip_limit, coalesce(b.wip_blocking, false),"
                        + " coalesce(b.version, 0) from task_status s left join board_column b"
                        + " on b.project_id = s.project_id and b.status_key = s.status_key"
                        + " where s.project_id = ? order by s.position")
                .param(access.projectId())
                .query((rs, row) -> new ColumnRow(
                        rs.getString(1),
                        rs.getString(2),
                        StatusCategory.valueOf(rs.getString(3)),
                        rs.getObject(4, Integer.class),
                        rs.getBoolean(5),
                        rs.getInt(6)))
                .list();
    }

    /** Leaf tasks in board order (status, rank, outline), with assignees and what holds them. */
    private List<Card> cards(ProjectAccess access, String filter, List<Object> filterParams) {
        List<Object> params = new ArrayList<>();
        params.add(access.projectId());
        params.addAll(filterParams);
        Object[] values = params.toArray();
        record Row(
                long id,
                String wbs,
                String name,
                String status,
                Priority priority,
                List<String> tags,
                BigDecimal storyPoints,
                LocalDateTime finish,
                int percent,
                int version,
                boolean done) {}
        List<Row> rows = jdbc.sql("select " + CARD_COLUMNS + " from task t join task_status s"
                        + " on s.project_id = t.project_id and s.status_key = t.status"
                        + " where t.project_id = ?" + filter + " and " + LEAF
                        + " order by t.status, t.board_rank nulls last, t.outline_path")
                .params(values)
                .query((rs, row) -> new Row(
                        rs.getLong("id"),
                        rs.getString("wbs"),
                        rs.getString("name"),
                        rs.getString("status"),
                        Priority.valueOf(rs.getString("priority")),
                        strings(rs.getArray("tags")),
                        points(rs.getBigDecimal("story_points")),
                        rs.getObject("finish_at", LocalDateTime.class),
                        rs.getInt("percent_complete"),
                        rs.getInt("version"),
                        "DONE".equals(rs.getString("category"))))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Assignee>> assignees = new HashMap<>();
        jdbc.sql("select a.task_id, u.id, u.name from task_assignee a join task t on t.id = a.task_id"
                        + " join app_user u on u.id = a.user_id where t.project_id = ?" + filter
                        + " order by lower(u.name), u.id")
                .params(values)
                .query(rs -> {
                    assignees
                            .computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new Assignee(rs.getLong(2), rs.getString(3)));
                });
        // A finish-to-start predecessor holds its successor until it is finished, a start-to-start one
        // until it has started; finish-to-finish and start-to-finish links do not keep work from starting.
        Map<Long, List<Long>> holders = new LinkedHashMap<>();
        jdbc.sql("select l.successor_id, l.predecessor_id from task_link l join task t on t.id = l.successor_id"
                        + " join task p on p.id = l.predecessor_id join task_status ps"
                        + " on ps.project_id = p.project_id and ps.status_key = p.status"
                        + " where l.project_id = ?" + filter
                        + " and ((l.link_type = 'FS' and ps.category <> 'DONE' and p.percent_complete < 100)"
                        + " or (l.link_type = 'SS' and ps.category = 'TO_DO' and p.percent_complete = 0))"
                        + " order by l.successor_id, l.predecessor_id")
                .params(values)
                .query(rs -> {
                    holders.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(rs.getLong(2));
                });
        LocalDateTime now = LocalDateTime.now(access.timeZone());
        List<Card> cards = new ArrayList<>(rows.size());
        for (Row row : rows) {
            boolean finished = row.done() || row.percent() >= 100;
            List<Long> blockedBy = finished ? List.of() : List.copyOf(holders.getOrDefault(row.id(), List.of()));
            cards.add(new Card(
                    row.id(),
                    row.wbs(),
                    row.name(),
                    row.status(),
                    List.copyOf(assignees.getOrDefault(row.id(), List.of())),
                    row.priority(),
                    row.tags(),
                    row.storyPoints(),
                    row.finish(),
                    !finished && row.finish() != null && row.finish().isBefore(now),
                    !blockedBy.isEmpty(),
                    blockedBy,
                    row.percent(),
                    row.version()));
        }
        return cards;
    }

    private static BigDecimal points(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal plain = value.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
