package org.gantry.server.board;

import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.StaleVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's board filters and swimlanes per project (table board_preference). Anyone who may read the
 * board keeps their own, stakeholders too: they change nothing anyone else sees.
 */
@Service
public class BoardPreferenceService {

    static final int TAG_LENGTH = 100;
    static final int TEXT_LENGTH = 200;

    private final JdbcClient jdbc;
    private final ProjectService projects;

    BoardPreferenceService(JdbcClient jdbc, ProjectService projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    @Transactional(readOnly = true)
    public BoardPreferences preferences(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return stored(access);
    }

    /**
     * Saves the caller's filters and swimlanes; blank texts mean no filter. 400 for a tag or text too long or
     * with NUL characters, an assignee who is not a member, no version; 409 with the saved ones when stale.
     */
    @Transactional
    public BoardPreferences save(CurrentUser user, String projectRef, BoardPreferences wanted) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        var problems = new InvalidInput.Collector();
        if (wanted.version() == null) {
            problems.add("version", "is required: send the version you last read (0 before the first save)");
        }
        String tag = blankToNull(wanted.tag());
        String text = blankToNull(wanted.text());
        check("tag", tag, TAG_LENGTH, problems);
        check("text", text, TEXT_LENGTH, problems);
        if (wanted.assigneeId() != null && !projects.memberIds(access).contains(wanted.assigneeId())) {
            problems.add("assigneeId", "is not a member of this project (see GET .../members)");
        }
        problems.throwIfAny();
        BoardPreferences current = stored(access);
        Swimlanes swimlanes = wanted.swimlanes() == null ? Swimlanes.NONE : wanted.swimlanes();
        Object[] values = {
            Boolean.TRUE.equals(wanted.mine()),
            wanted.assigneeId(),
            tag,
            text,
            Boolean.TRUE.equals(wanted.activeSprintOnly()),
            swimlanes.name(),
            access.projectId(),
            user.id(),
            wanted.version()
        };
        int saved = 0;
        if (current.version().intValue() == wanted.version().intValue()) {
            saved = wanted.version() == 0
                    ? jdbc.sql("""
                            insert into board_preference (mine, assignee_id, tag, search_text, active_sprint_only,
                            swimlanes, project_id, user_id, version) values (?, ?, ?, ?, ?, ?, ?, ?, ? + 1)
                            on conflict (project_id, user_id) do nothing
                            """).params(values).update()
                    : jdbc.sql("""
                            update board_preference set mine = ?, assignee_id = ?, tag = ?, search_text = ?,
                            active_sprint_only = ?, swimlanes = ?, version = version + 1
                            where project_id = ? and user_id = ? and version = ?
                            """).params(values).update();
        }
        if (saved == 0) {
            throw new StaleVersion("Your board filters", stored(access));
        }
        return stored(access);
    }

    BoardPreferences stored(ProjectAccess access) {
        return jdbc.sql("""
                select mine, assignee_id, tag, search_text, active_sprint_only, swimlanes, version
                from board_preference where project_id = ? and user_id = ?
                """)
                .params(access.projectId(), access.user().id())
                .query((rs, row) -> new BoardPreferences(
                        rs.getBoolean("mine"),
                        rs.getObject("assignee_id", Long.class),
                        rs.getString("tag"),
                        rs.getString("search_text"),
                        rs.getBoolean("active_sprint_only"),
                        Swimlanes.valueOf(rs.getString("swimlanes")),
                        rs.getInt("version")))
                .optional()
                .orElse(BoardPreferences.NONE);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void check(String field, String value, int maximum, InvalidInput.Collector problems) {
        if (value == null) {
            return;
        }
        if (value.length() > maximum) {
            problems.add(field, "must be at most " + maximum + " characters");
        } else if (value.indexOf('\0') >= 0) {
            problems.add(field, "must not contain NUL characters");
        }
    }
}
