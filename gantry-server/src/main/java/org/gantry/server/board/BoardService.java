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
import org.gantry.server.project.ProjectLock;
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
    private final ProjectLock projectLock;
    private final ProjectService projects;
    private final TaskService tasks;
    private final BoardPreferenceService preferences;

    BoardService(
            JdbcClient jdbc,
            ProjectService projects,
            TaskService tasks,
            BoardPreferenceService preferences,
            ProjectLock projectLock) {
        this.projectLock = projectLock;
        this.jdbc = jdbc;
        this.projects = projects;
        this.tasks = tasks;
        this.preferences = preferences;
    }

    @Transactional(readOnly = true)
    public Board board(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return new Board(access.key(), boardColumns(access, layout(access), cards(access, "", List.of())));
    }

    /** The columns of a layout with the cards of their statuses, in board order. */
    private static List<BoardColumn> boardColumns(ProjectAccess access, Layout layout, List<Card> cards) {
        Map<String, List<Card>> byColumn = new HashMap<>();
        for (Card card : cards) {
            byColumn.computeIfAbsent(layout.columnOf(card.status()).status(), key -> new ArrayList<>())
                    .add(card);
        }
        List<BoardColumn> columns = new ArrayList<>();
        for (ColumnLayout column : layout.columns()) {
            columns.add(boardColumn(column, byColumn.getOrDefault(column.status(), List.of())));
        }
        return columns;
    }

    private static BoardColumn boardColumn(ColumnLayout column, List<Card> cards) {
        ColumnRow own = column.own();
        return new BoardColumn(
                own.status(),
                own.name(),
                own.category(),
                column.statuses().stream()
                        .map(row -> new BoardColumn.ColumnStatus(row.status(), row.name(), row.category()))
                        .toList(),
                own.wipLimit(),
                own.cellWipLimit(),
                own.wipBlocking(),
                cards.size(),
                own.wipLimit() != null && cards.size() > own.wipLimit(),
                own.version(),
                List.copyOf(cards));
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
            columns.add(column.withCards(cards));
        }
        Swimlanes swimlanes = chosen.swimlanes() == null ? Swimlanes.NONE : chosen.swimlanes();
        List<Swimlane> lanes =
                swimlanes == Swimlanes.NONE ? List.of() : lanes(access, swimlanes, columns, full.columns());
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
        return new HashSet<>(
                jdbc.sql("""
                select st.task_id from sprint_task st join sprint s on s.id = st.sprint_id
                where s.project_id = ? and s.state = 'ACTIVE' and st.outcome is null
                """).param(access.projectId()).query(Long.class).list());
    }

    /** What a card is grouped by in a swimlane: {@code order} sorts the lanes, the lane of none last. */
    private record Lane(String key, String name, String order) {}

    /** Each task's lane when lanes are summary tasks: its parent (top-level tasks have none). */
    private Map<Long, Lane> epicLanes(ProjectAccess access) {
        Map<Long, Lane> epics = new HashMap<>();
        jdbc.sql("""
                select t.id, p.id, array_to_string(p.outline_path, '.'), p.name,
                row_number() over (order by p.outline_path) from task t join task p on p.id = t.parent_id
                where t.project_id = ?
                """).param(access.projectId()).query(rs -> {
            epics.put(
                    rs.getLong(1),
                    new Lane(
                            String.valueOf(rs.getLong(2)),
                            rs.getString(3) + " " + rs.getString(4),
                            String.format("%010d", rs.getLong(5))));
        });
        return epics;
    }

    /**
     * The lane of a card: a card with several assignees or tags goes to the lane of the first (by name), cards
     * with none share the last lane.
     */
    private static Lane laneOf(Card card, Swimlanes swimlanes, Map<Long, Lane> epics) {
        Lane none =
                switch (swimlanes) {
                    case ASSIGNEE -> new Lane("", "Unassigned", "\uffff");
                    case EPIC -> new Lane("", "No summary task", "\uffff");
                    default -> new Lane("", "No tag", "\uffff");
                };
        return switch (swimlanes) {
            case ASSIGNEE ->
                card.assignees().isEmpty()
                        ? none
                        : new Lane(
                                String.valueOf(card.assignees().get(0).id()),
                                card.assignees().get(0).name(),
                                card.assignees().get(0).name().toLowerCase(Locale.ROOT) + "\u0000"
                                        + card.assignees().get(0).id());
            case PRIORITY ->
                new Lane(
                        card.priority().name(),
                        card.priority().name().charAt(0)
                                + card.priority().name().substring(1).toLowerCase(Locale.ROOT),
                        String.valueOf(
                                Priority.values().length - card.priority().ordinal()));
            case EPIC -> epics.getOrDefault(card.id(), none);
            default ->
                card.tags().stream()
                        .min(String.CASE_INSENSITIVE_ORDER)
                        .map(tag -> new Lane(tag, tag, tag.toLowerCase(Locale.ROOT) + "\u0000" + tag))
                        .orElse(none);
        };
    }

    /**
     * The lanes of the shown cards in their order (the lane of cards with none last), each with a cell per
     * column. A cell counts every card of its lane in the column against the column's cell limit, shown or
     * not, like the column heads do.
     */
    private List<Swimlane> lanes(
            ProjectAccess access, Swimlanes swimlanes, List<BoardColumn> columns, List<BoardColumn> whole) {
        Map<Long, Lane> epics = swimlanes == Swimlanes.EPIC ? epicLanes(access) : Map.of();
        Map<Long, Lane> laneOf = new HashMap<>();
        Map<String, Lane> lanes = new HashMap<>();
        for (BoardColumn column : columns) {
            for (Card card : column.cards()) {
                Lane lane = laneOf(card, swimlanes, epics);
                laneOf.put(card.id(), lane);
                lanes.putIfAbsent(lane.key(), lane);
            }
        }
        Map<String, Integer> wholeCounts = new HashMap<>();
        for (BoardColumn column : whole) {
            for (Card card : column.cards()) {
                wholeCounts.merge(
                        column.status() + "\u0000"
                                + laneOf(card, swimlanes, epics).key(),
                        1,
                        Integer::sum);
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
                        int wipCount = wholeCounts.getOrDefault(column.status() + "\u0000" + lane.key(), 0);
                        cells.add(new Swimlane.Cell(
                                column.status(),
                                cards.size(),
                                cards,
                                wipCount,
                                column.cellWipLimit(),
                                column.cellWipLimit() != null && wipCount > column.cellWipLimit()));
                    }
                    result.add(new Swimlane(lane.key(), lane.name(), count, List.copyOf(cells)));
                });
        return List.copyOf(result);
    }

    /**
     * Moves a card to another column and/or place. A new status goes through the task update (version
     * check, % complete, reschedule, activity, notifications); a move within the column only claims the
     * version. {@code status} may be any status of the project: a column holding several statuses is named by
     * its default status, which a card coming from another column takes; a card moved within its column
     * keeps its status when the caller sends it. Into a DONE-category status the task becomes 100 % complete
     * (the task update does that); out of one it gets back the % complete it had before it was done (0 when
     * that was 100 or unknown). A blocking WIP limit refuses a move into the column that would put it, or the
     * card's swimlane cell (in the caller's saved swimlanes), over its limit.
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
        Layout layout = layout(access);
        ColumnRow target = null;
        if (move.status() != null) {
            target = layout.status(move.status().strip().toLowerCase(Locale.ROOT));
            if (target == null) {
                problems.add("status", "is not a status of this project (see GET .../statuses)");
            }
        }
        problems.throwIfAny();
        // Ranks of a column are read and written under the project's lock, like the outline.
        projectLock.lock(access.projectId());
        String summaryWbs = summaryWbs(access, taskId);
        if (!summaryWbs.isEmpty()) {
            throw new Conflict(
                    "Not a card", "Task " + summaryWbs + " is a summary task: its subtasks are the cards; move those.");
        }
        Card card = card(access, taskId);
        if (card.version() != move.version()) {
            throw new StaleVersion("Task " + taskId, card);
        }
        ColumnRow fromStatus = layout.status(card.status());
        ColumnRow toStatus = target == null ? fromStatus : target;
        ColumnLayout from = layout.columnOf(fromStatus.status());
        ColumnLayout to = layout.columnOf(toStatus.status());
        ColumnRow limits = to.own();
        List<long[]> others = ranked(access, to.statusKeys(), taskId);
        boolean changesColumn = !to.status().equals(from.status());
        if (changesColumn
                && limits.wipBlocking()
                && limits.wipLimit() != null
                && others.size() + 1 > limits.wipLimit()) {
            throw new Conflict(
                    "WIP limit reached",
                    "The column " + limits.name() + " holds " + others.size() + " of at most " + limits.wipLimit()
                            + " cards; finish one there first or ask a manager to raise its limit.",
                    Map.of("current", card));
        }
        if (changesColumn && limits.wipBlocking() && limits.cellWipLimit() != null) {
            refuseOverCellLimit(access, card, to);
        }
        if (!toStatus.status().equals(fromStatus.status())) {
            Integer percent = null;
            if (fromStatus.category() == StatusCategory.DONE && toStatus.category() != StatusCategory.DONE) {
                percent = percentBeforeDone(taskId);
            }
            try {
                tasks.update(
                        user, access.key(), taskId, TaskChanges.status(toStatus.status(), percent, move.version()));
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

    /**
     * A blocking cell limit: the card keeps its lane (lanes follow assignees, priority, summary task or tags,
     * not the status), so the move is refused when that lane's cell of the target column is full. The lanes
     * are the caller's saved swimlanes; without swimlanes there are no cells to fill.
     */
    private void refuseOverCellLimit(ProjectAccess access, Card card, ColumnLayout to) {
        Swimlanes swimlanes = preferences.stored(access).swimlanes();
        if (swimlanes == null || swimlanes == Swimlanes.NONE) {
            return;
        }
        Map<Long, Lane> epics = swimlanes == Swimlanes.EPIC ? epicLanes(access) : Map.of();
        Lane lane = laneOf(card, swimlanes, epics);
        long inCell = cards(access, " and t.status = any(?)", List.<Object>of((Object) to.statusKeys())).stream()
                .filter(other -> other.id() != card.id())
                .filter(other -> laneOf(other, swimlanes, epics).key().equals(lane.key()))
                .count();
        ColumnRow limits = to.own();
        if (inCell + 1 > limits.cellWipLimit()) {
            throw new Conflict(
                    "WIP limit reached",
                    "The cell of " + lane.name() + " in the column " + limits.name() + " holds " + inCell
                            + " of at most " + limits.cellWipLimit()
                            + " cards; finish one there first or ask a manager to raise its limit.",
                    Map.of("current", card));
        }
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
        ColumnLayout column = layout(access).columnOf(status);
        return boardColumn(
                column, cards(access, " and t.status = any(?)", List.<Object>of((Object) column.statusKeys())));
    }

    Card card(ProjectAccess access, long taskId) {
        return cards(access, " and t.id = ?", List.of(taskId)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("There is no task " + taskId + " in project " + access.key() + "."));
    }

    /** The WBS of the task when it is a summary task, empty when it is a leaf; 404 when there is no such task. */
    private String summaryWbs(ProjectAccess access, long taskId) {
        return jdbc.sql("""
                select case when exists(select 1 from task c where c.parent_id = t.id)
                then array_to_string(t.outline_path, '.') else '' end from task t
                where t.id = ? and t.project_id = ?
                """)
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
        return jdbc.sql("""
                select coalesce((a.changes -> 'percent_complete' ->> 0)::int, 100) from activity a
                where a.task_id = ? and a.entity = 'task' and a.changes -> 'percent_complete' ->> 1 = '100'
                order by a.id desc limit 1
                """)
                .param(taskId)
                .query(Integer.class)
                .optional()
                .filter(percent -> percent >= 0 && percent < 100)
                .orElse(0);
    }

    /** The other cards of a column in board order: {id, rank or Long.MIN_VALUE when none}. */
    private List<long[]> ranked(ProjectAccess access, String[] statuses, long except) {
        return jdbc.sql("select t.id, t.board_rank from task t where t.project_id = ? and t.status = any(?)"
                        + " and t.id <> ? and " + LEAF + " order by t.board_rank nulls last, t.outline_path")
                .params(access.projectId(), statuses, except)
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
        jdbc.sql("""
                update task t set board_rank = r.rank from unnest(?::bigint[], ?::bigint[]) as r(id, rank)
                where t.id = r.id and t.board_rank is distinct from r.rank
                """).params(ids, ranks).update();
    }

    /** A status of the project with what the board adds to it. {@code shownIn}: the status whose column holds it. */
    record ColumnRow(
            String status,
            String name,
            StatusCategory category,
            Integer wipLimit,
            Integer cellWipLimit,
            boolean wipBlocking,
            String shownIn,
            int version) {}

    /** A column: its own status (default, name, limits) first, then the statuses it holds, in status order. */
    record ColumnLayout(List<ColumnRow> statuses) {
        ColumnRow own() {
            return statuses.get(0);
        }

        String status() {
            return own().status();
        }

        String[] statusKeys() {
            return statuses.stream().map(ColumnRow::status).toArray(String[]::new);
        }
    }

    /** The columns in the order of their own statuses, and which column shows each status. */
    record Layout(List<ColumnLayout> columns, Map<String, ColumnLayout> byStatus, Map<String, ColumnRow> rows) {
        ColumnLayout columnOf(String status) {
            return byStatus.get(status);
        }

        ColumnRow status(String status) {
            return rows.get(status);
        }
    }

    Layout layout(ProjectAccess access) {
        List<ColumnRow> rows = jdbc.sql("""
                select s.status_key, s.name, s.category, b.wip_limit, b.cell_wip_limit,
                coalesce(b.wip_blocking, false), b.shown_in, coalesce(b.version, 0) from task_status s
                left join board_column b on b.project_id = s.project_id and b.status_key = s.status_key
                where s.project_id = ? order by s.position
                """)
                .param(access.projectId())
                .query((rs, row) -> new ColumnRow(
                        rs.getString(1),
                        rs.getString(2),
                        StatusCategory.valueOf(rs.getString(3)),
                        rs.getObject(4, Integer.class),
                        rs.getObject(5, Integer.class),
                        rs.getBoolean(6),
                        rs.getString(7),
                        rs.getInt(8)))
                .list();
        Map<String, ColumnRow> byKey = new LinkedHashMap<>();
        rows.forEach(row -> byKey.put(row.status(), row));
        // A status is held only by a status that is not held itself (setColumn keeps it so; this guards reads).
        Predicate<ColumnRow> held = row -> row.shownIn() != null
                && byKey.containsKey(row.shownIn())
                && byKey.get(row.shownIn()).shownIn() == null;
        Map<String, List<ColumnRow>> members = new LinkedHashMap<>();
        for (ColumnRow row : rows) {
            if (!held.test(row)) {
                members.computeIfAbsent(row.status(), key -> new ArrayList<>()).add(row);
            }
        }
        for (ColumnRow row : rows) {
            if (held.test(row)) {
                members.get(row.shownIn()).add(row);
            }
        }
        List<ColumnLayout> columns = new ArrayList<>();
        Map<String, ColumnLayout> byStatus = new HashMap<>();
        for (List<ColumnRow> statuses : members.values()) {
            ColumnLayout column = new ColumnLayout(List.copyOf(statuses));
            columns.add(column);
            statuses.forEach(row -> byStatus.put(row.status(), column));
        }
        return new Layout(List.copyOf(columns), byStatus, byKey);
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
                        + " order by t.board_rank nulls last, t.outline_path")
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
