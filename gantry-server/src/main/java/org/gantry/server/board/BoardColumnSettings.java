package org.gantry.server.board;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectLock;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A board column's settings, for those who manage tasks ({@link Permission#MANAGE_TASKS}): its WIP limits, per
 * column and per swimlane cell, whether they block a move, and which statuses it shows besides its own. The
 * board itself (reading it, moving cards) is {@link BoardService}'s; this class reads the columns through it.
 */
@Service
public class BoardColumnSettings {
    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final ProjectLock projectLock;
    private final BoardService boards;

    BoardColumnSettings(JdbcClient jdbc, ProjectService projects, ProjectLock projectLock, BoardService boards) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.projectLock = projectLock;
        this.boards = boards;
    }

    /**
     * Sets a column's WIP limits and the statuses it holds; the version is the column's settings version (0
     * before the first). {@code statuses} (null: unchanged) lists the statuses the column holds besides its
     * own: each leaves the column that held it before; one left out gets its own column back. A status that
     * holds others cannot be held (400 naming it). A status shown in another column gets its own column back
     * when {@code statuses} is sent for it, and is a 409 otherwise (its limits would not show anywhere).
     */
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
        if (settings.cellWipLimit() != null && (settings.cellWipLimit() < 1 || settings.cellWipLimit() > 100_000)) {
            problems.add("cellWipLimit", "must be between 1 and 100000, or null for no limit");
        }
        if (settings.status() != null && !settings.status().strip().equalsIgnoreCase(key)) {
            problems.add("status", "must be the status of the address, or left out");
        }
        projectLock.lock(access.projectId());
        BoardService.Layout layout = boards.layout(access);
        BoardService.ColumnRow current = layout.status(key);
        if (current == null) {
            throw new NotFound("Project " + access.key() + " has no status " + status + ".");
        }
        List<String> held = null;
        if (settings.statuses() != null) {
            held = new ArrayList<>();
            for (String wanted : settings.statuses()) {
                String heldKey = wanted == null ? "" : wanted.strip().toLowerCase(Locale.ROOT);
                BoardService.ColumnRow row = layout.status(heldKey);
                if (row == null) {
                    problems.add("statuses", "'" + wanted + "' is not a status of this project (see GET .../statuses)");
                } else if (!heldKey.equals(key)
                        && layout.columnOf(heldKey).status().equals(heldKey)
                        && layout.columnOf(heldKey).statuses().size() > 1) {
                    problems.add(
                            "statuses", row.name() + " holds other statuses in its column; take those out of it first");
                } else if (!heldKey.equals(key) && !held.contains(heldKey)) {
                    held.add(heldKey);
                }
            }
        }
        problems.throwIfAny();
        if (current.version() != settings.version()) {
            throw new StaleVersion("The column " + current.name(), boards.column(access, key));
        }
        if (current.shownIn() != null && held == null) {
            throw new Conflict(
                    "Shown in another column",
                    current.name() + " is shown in the column "
                            + layout.status(current.shownIn()).name() + "; set that column, or send statuses to give "
                            + current.name() + " its own column.",
                    Map.of("current", boards.column(access, current.shownIn())));
        }
        jdbc.sql("""
                insert into board_column (project_id, status_key, wip_limit, cell_wip_limit, wip_blocking, version)
                values (?, ?, ?, ?, ?, 1) on conflict (project_id, status_key) do update
                set wip_limit = excluded.wip_limit, cell_wip_limit = excluded.cell_wip_limit,
                wip_blocking = excluded.wip_blocking, shown_in = null, version = board_column.version + 1
                """)
                .params(
                        access.projectId(),
                        key,
                        settings.wipLimit(),
                        settings.cellWipLimit(),
                        Boolean.TRUE.equals(settings.wipBlocking()))
                .update();
        if (current.shownIn() != null) {
            // The column that showed this status loses it: its version moves so a stale form of it is told.
            jdbc.sql("update board_column set version = version + 1 where project_id = ? and status_key = ?")
                    .params(access.projectId(), current.shownIn())
                    .update();
        }
        if (held != null) {
            // The columns that lose a status change too: their versions move so a stale form of theirs is told.
            jdbc.sql("""
                    update board_column set version = version + 1 where project_id = ? and status_key in
                    (select shown_in from board_column where project_id = ? and status_key = any(?)
                    and shown_in is not null and shown_in <> ?)
                    """)
                    .params(access.projectId(), access.projectId(), held.toArray(String[]::new), key)
                    .update();
            jdbc.sql("""
                    update board_column set shown_in = null where project_id = ? and shown_in = ?
                    and not status_key = any(?)
                    """)
                    .params(access.projectId(), key, held.toArray(String[]::new))
                    .update();
            jdbc.sql("""
                    insert into board_column (project_id, status_key, shown_in, version)
                    select ?, h, ?, 1 from unnest(?::text[]) as h
                    on conflict (project_id, status_key) do update set shown_in = excluded.shown_in,
                    version = board_column.version + 1
                    """)
                    .params(access.projectId(), key, held.toArray(String[]::new))
                    .update();
        }
        return boards.column(access, key);
    }
}
