package org.gantry.server.portfolio;

import java.util.List;
import java.util.Optional;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Programmes and strategic goals: every signed-in user reads them (an owner picks the programme of their
 * project, a manager scores it against the goals); system admins and portfolio managers keep them. Names are
 * unique (ignoring case). Deleting a programme leaves its projects in none; deleting a goal drops its scores.
 */
@Service
class StrategyService {

    private static final String PROGRAMME_COLUMNS = "g.id, g.name, g.description, g.version,"
            + " (select count(*) from project_portfolio p where p.programme_id = g.id) as projects";
    private static final String GOAL_COLUMNS = "id, name, description, weight, version";

    private final JdbcClient jdbc;
    private final PortfolioViewer viewer;

    StrategyService(JdbcClient jdbc, PortfolioViewer viewer) {
        this.jdbc = jdbc;
        this.viewer = viewer;
    }

    @Transactional(readOnly = true)
    public List<Programme> programmes() {
        return jdbc.sql("select " + PROGRAMME_COLUMNS + " from programme g order by lower(g.name), g.id")
                .query(StrategyService::programme)
                .list();
    }

    @Transactional(readOnly = true)
    public Programme programme(long id) {
        return findProgramme(id).orElseThrow(() -> new NotFound("There is no programme " + id + "."));
    }

    @Transactional
    public Programme createProgramme(CurrentUser user, ProgrammeFields fields) {
        viewer.requireStrategist(user);
        var problems = new InvalidInput.Collector();
        String name = name(fields.name(), problems);
        String description = description(fields.description(), "", problems);
        problems.throwIfAny();
        requireFreeName("programme", name, 0);
        long id = unique("programme", name, () -> jdbc.sql(
                        "insert into programme (name, description) values (?, ?) returning id")
                .params(name, description)
                .query(Long.class)
                .single());
        return programme(id);
    }

    @Transactional
    public Programme updateProgramme(CurrentUser user, long id, ProgrammeFields fields) {
        viewer.requireStrategist(user);
        Programme current = programme(id);
        var problems = new InvalidInput.Collector();
        if (fields.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        String name = fields.name() == null ? current.name() : name(fields.name(), problems);
        String description = description(fields.description(), current.description(), problems);
        problems.throwIfAny();
        requireFreeName("programme", name, id);
        int updated = unique("programme", name, () -> jdbc.sql("""
                        update programme set name = ?, description = ?, updated_at = now(),
                        version = version + 1 where id = ? and version = ?
                        """)
                .params(name, description, id, fields.version())
                .update());
        if (updated == 0) {
            throw new StaleVersion("The programme", current);
        }
        return programme(id);
    }

    @Transactional
    public void deleteProgramme(CurrentUser user, long id) {
        viewer.requireStrategist(user);
        if (jdbc.sql("delete from programme where id = ?").param(id).update() == 0) {
            throw new NotFound("There is no programme " + id + ".");
        }
    }

    @Transactional(readOnly = true)
    public List<StrategicGoal> goals() {
        return jdbc.sql("select " + GOAL_COLUMNS + " from strategic_goal order by weight desc, lower(name), id")
                .query(StrategyService::goal)
                .list();
    }

    @Transactional(readOnly = true)
    public StrategicGoal goal(long id) {
        return jdbc.sql("select " + GOAL_COLUMNS + " from strategic_goal where id = ?")
                .param(id)
                .query(StrategyService::goal)
                .optional()
                .orElseThrow(() -> new NotFound("There is no strategic goal " + id + "."));
    }

    @Transactional
    public StrategicGoal createGoal(CurrentUser user, GoalFields fields) {
        viewer.requireStrategist(user);
        var problems = new InvalidInput.Collector();
        String name = name(fields.name(), problems);
        String description = description(fields.description(), "", problems);
        if (fields.weight() == null) {
            problems.add("weight", "is required: 1 to 100");
        } else {
            weight(fields.weight(), problems);
        }
        problems.throwIfAny();
        requireFreeName("strategic_goal", name, 0);
        long id = unique("strategic_goal", name, () -> jdbc.sql(
                        "insert into strategic_goal (name, description, weight) values (?, ?, ?) returning id")
                .params(name, description, fields.weight())
                .query(Long.class)
                .single());
        return goal(id);
    }

    @Transactional
    public StrategicGoal updateGoal(CurrentUser user, long id, GoalFields fields) {
        viewer.requireStrategist(user);
        StrategicGoal current = goal(id);
        var problems = new InvalidInput.Collector();
        if (fields.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        String name = fields.name() == null ? current.name() : name(fields.name(), problems);
        String description = description(fields.description(), current.description(), problems);
        int weight = fields.weight() == null ? current.weight() : weight(fields.weight(), problems);
        problems.throwIfAny();
        requireFreeName("strategic_goal", name, id);
        int updated = unique("strategic_goal", name, () -> jdbc.sql("""
                update strategic_goal set name = ?, description = ?, weight = ?, updated_at = now(),
                version = version + 1 where id = ? and version = ?
                """)
                .params(name, description, weight, id, fields.version())
                .update());
        if (updated == 0) {
            throw new StaleVersion("The strategic goal", current);
        }
        return goal(id);
    }

    @Transactional
    public void deleteGoal(CurrentUser user, long id) {
        viewer.requireStrategist(user);
        if (jdbc.sql("delete from strategic_goal where id = ?").param(id).update() == 0) {
            throw new NotFound("There is no strategic goal " + id + ".");
        }
    }

    private Optional<Programme> findProgramme(long id) {
        return jdbc.sql("select " + PROGRAMME_COLUMNS + " from programme g where g.id = ?")
                .param(id)
                .query(StrategyService::programme)
                .optional();
    }

    private void requireFreeName(String table, String name, long except) {
        boolean taken = jdbc.sql("select exists(select 1 from " + table + " where lower(name) = lower(?) and id <> ?)")
                .params(name, except)
                .query(Boolean.class)
                .single();
        if (taken) {
            throw nameTaken(table, name);
        }
    }

    /** Two writers may pass the name check at once: the unique index decides, and the loser hears why. */
    private static <T> T unique(String table, String name, java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException e) {
            throw nameTaken(table, name);
        }
    }

    private static Conflict nameTaken(String table, String name) {
        String what = table.equals("programme") ? "programme" : "strategic goal";
        return new Conflict("Name in use", "There is already a " + what + " named " + name + ".");
    }

    private static String name(String value, InvalidInput.Collector problems) {
        String name = value == null ? null : value.strip();
        if (name == null || name.isEmpty()) {
            problems.add("name", "is required");
        } else if (name.length() > 200) {
            problems.add("name", "must be at most 200 characters long");
        } else if (name.indexOf('\0') >= 0) {
            problems.add("name", "must not contain a NUL character");
        }
        return name;
    }

    private static String description(String value, String unchanged, InvalidInput.Collector problems) {
        if (value == null) {
            return unchanged;
        }
        String description = value.strip();
        if (description.length() > 2000) {
            problems.add("description", "must be at most 2,000 characters long");
        } else if (description.indexOf('\0') >= 0) {
            problems.add("description", "must not contain a NUL character");
        }
        return description;
    }

    private static int weight(int weight, InvalidInput.Collector problems) {
        if (weight < 1 || weight > 100) {
            problems.add("weight", "must be between 1 and 100");
        }
        return weight;
    }

    private static Programme programme(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Programme(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getInt("projects"),
                rs.getInt("version"));
    }

    private static StrategicGoal goal(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StrategicGoal(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getInt("weight"),
                rs.getInt("version"));
    }
}
