package org.gantry.server.interchange;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes what an imported plan holds beside its work breakdown: calendars, resources, assignments and
 * baselines, each kind in batched statements, in the caller's transaction. The rows come checked and
 * clamped to what the tables accept (see {@link PlanImport}), so a write fails only on a database fault.
 */
@Component
class PlanDetailsWriter {
    private static final int BATCH = 1_000;

    /** A calendar as its row will be written; {@code definition} is the stored JSON. */
    record CalendarRow(String key, String name, String baseKey, String definition, int position) {}

    record ResourceRow(
            String key,
            String name,
            String initials,
            String email,
            String group,
            String kind,
            String materialLabel,
            BigDecimal maxUnits,
            BigDecimal standardRate,
            String standardRatePer,
            BigDecimal overtimeRate,
            String overtimeRatePer,
            BigDecimal costPerUse,
            String calendarKey,
            String notes) {}

    record AssignmentRow(
            long taskId,
            long resourceId,
            BigDecimal units,
            long workMinutes,
            long actualWorkMinutes,
            long remainingWorkMinutes,
            LocalDateTime start,
            LocalDateTime finish,
            String contour,
            String sourceKey,
            long levellingDelayMinutes) {}

    record BaselineRow(
            long taskId,
            int slot,
            LocalDateTime start,
            LocalDateTime finish,
            Long durationMinutes,
            String durationUnit,
            Long workMinutes,
            BigDecimal cost) {}

    private final JdbcTemplate jdbc;
    private final JdbcClient client;

    PlanDetailsWriter(JdbcTemplate jdbc, JdbcClient client) {
        this.jdbc = jdbc;
        this.client = client;
    }

    /** The keys of the calendars the project already has, which imported calendars must not reuse. */
    List<String> calendarKeys(long projectId) {
        return client.sql("select calendar_key from project_calendar where project_id = ?")
                .param(projectId)
                .query(String.class)
                .list();
    }

    /** The next free position for calendars added to the project. */
    int nextCalendarPosition(long projectId) {
        return client.sql("select coalesce(max(position) + 1, 0) from project_calendar where project_id = ?")
                .param(projectId)
                .query(Integer.class)
                .single();
    }

    void writeCalendars(long projectId, List<CalendarRow> calendars) {
        List<Object[]> rows = new ArrayList<>();
        for (CalendarRow calendar : calendars) {
            rows.add(new Object[] {
                projectId,
                calendar.key(),
                calendar.name(),
                calendar.baseKey(),
                calendar.definition(),
                calendar.position()
            });
        }
        batch(
                "insert into project_calendar (project_id, calendar_key, name, base_key, definition, position)"
                        + " values (?, ?, ?, ?, ?::jsonb, ?)",
                rows,
                new int[] {Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER});
    }

    /** The project follows the calendar with this key (one of its project_calendar rows). */
    void useCalendar(long projectId, String calendarKey) {
        client.sql("update project set calendar_key = ? where id = ?")
                .params(calendarKey, projectId)
                .update();
    }

    void useStatusDate(long projectId, LocalDateTime statusDate) {
        client.sql("update project set status_date = ? where id = ?")
                .params(statusDate, projectId)
                .update();
    }

    /** Inserts the resources in order; returns their ids by the plan's key. */
    Map<String, Long> writeResources(long projectId, List<ResourceRow> resources) {
        Map<String, Long> ids = new HashMap<>();
        if (resources.isEmpty()) {
            return ids;
        }
        List<Long> generated = client.sql(
                        "select nextval(pg_get_serial_sequence('resource', 'id')) from generate_series(1, ?)")
                .param(resources.size())
                .query(Long.class)
                .list();
        List<Object[]> rows = new ArrayList<>();
        for (int k = 0; k < resources.size(); k++) {
            ResourceRow r = resources.get(k);
            long id = generated.get(k);
            ids.put(r.key(), id);
            rows.add(new Object[] {
                id,
                projectId,
                r.name(),
                r.initials(),
                r.email(),
                r.group(),
                r.kind(),
                r.materialLabel(),
                r.maxUnits(),
                r.standardRate(),
                r.standardRatePer(),
                r.overtimeRate(),
                r.overtimeRatePer(),
                r.costPerUse(),
                r.calendarKey(),
                r.notes() == null ? "" : r.notes(),
                r.key().replace("\0", "")
            });
        }
        batch(
                "insert into resource (id, project_id, name, initials, email, group_name, kind, material_label,"
                        + " max_units, standard_rate, standard_rate_per, overtime_rate, overtime_rate_per, cost_per_use,"
                        + " calendar_key, notes, source_key) overriding system value"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
                new int[] {
                    Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                    Types.VARCHAR, Types.VARCHAR, Types.NUMERIC, Types.NUMERIC, Types.VARCHAR, Types.NUMERIC,
                    Types.VARCHAR, Types.NUMERIC, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR
                });
        return ids;
    }

    void writeAssignments(long projectId, List<AssignmentRow> assignments) {
        List<Object[]> rows = new ArrayList<>();
        for (AssignmentRow a : assignments) {
            rows.add(new Object[] {
                projectId,
                a.taskId(),
                a.resourceId(),
                a.units(),
                a.workMinutes(),
                a.actualWorkMinutes(),
                a.remainingWorkMinutes(),
                a.start(),
                a.finish(),
                a.contour(),
                a.sourceKey(),
                a.levellingDelayMinutes()
            });
        }
        batch(
                "insert into assignment (project_id, task_id, resource_id, units, work_minutes, actual_work_minutes,"
                        + " remaining_work_minutes, start_at, finish_at, contour, source_key, levelling_delay_minutes)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
                new int[] {
                    Types.BIGINT,
                    Types.BIGINT,
                    Types.BIGINT,
                    Types.NUMERIC,
                    Types.BIGINT,
                    Types.BIGINT,
                    Types.BIGINT,
                    Types.TIMESTAMP,
                    Types.TIMESTAMP,
                    Types.VARCHAR,
                    Types.VARCHAR,
                    Types.BIGINT
                });
    }

    void writeBaselines(long projectId, List<BaselineRow> baselines) {
        List<Object[]> rows = new ArrayList<>();
        for (BaselineRow b : baselines) {
            rows.add(new Object[] {
                b.taskId(),
                projectId,
                b.slot(),
                b.start(),
                b.finish(),
                b.durationMinutes(),
                b.durationUnit(),
                b.workMinutes(),
                b.cost()
            });
        }
        batch(
                "insert into task_baseline (task_id, project_id, slot, start_at, finish_at, duration_minutes,"
                        + " duration_unit, work_minutes, cost) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
                new int[] {
                    Types.BIGINT,
                    Types.BIGINT,
                    Types.SMALLINT,
                    Types.TIMESTAMP,
                    Types.TIMESTAMP,
                    Types.BIGINT,
                    Types.VARCHAR,
                    Types.BIGINT,
                    Types.NUMERIC
                });
    }

    /** Imported tasks' fixed costs with their accrual (START, PRORATED, END). */
    void writeFixedCosts(long projectId, Map<Long, org.gantry.interchange.PlanFixedCost> byTask) {
        List<Object[]> rows = new ArrayList<>();
        byTask.forEach((taskId, cost) ->
                rows.add(new Object[] {cost.amount(), cost.accrual().name(), taskId, projectId}));
        batch(
                "update task set fixed_cost = ?, fixed_cost_accrual = ? where id = ? and project_id = ?",
                rows,
                new int[] {Types.NUMERIC, Types.VARCHAR, Types.BIGINT, Types.BIGINT});
    }

    private void batch(String sql, List<Object[]> rows, int[] types) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
            jdbc.batchUpdate(sql, chunk, chunk.size(), (statement, row) -> set(statement, row, types));
        }
    }

    private static void set(PreparedStatement statement, Object[] row, int[] types) throws SQLException {
        for (int c = 0; c < row.length; c++) {
            Object value = row[c];
            if (value == null) {
                statement.setNull(c + 1, types[c]);
            } else if (value instanceof LocalDateTime time) {
                statement.setTimestamp(c + 1, Timestamp.valueOf(time));
            } else {
                statement.setObject(c + 1, value);
            }
        }
    }

    /**
     * Stops the activity log's row-by-row record for the rest of this transaction's import (V51): an
     * import is recorded once, by {@link #recordImport}.
     */
    void pauseActivity() {
        client.sql("select set_config('gantry.activity', 'paused', true)")
                .query(String.class)
                .single();
    }

    /** Resumes the activity log and records the import as one change, by whoever made it. */
    void recordImport(long projectId, String fileName, int tasks, int links, int resources, int assignments) {
        client.sql("select set_config('gantry.activity', '', true)")
                .query(String.class)
                .single();
        client.sql("""
                insert into activity (project_id, entity, entity_key, action, label, changes, actor_id, token_id,
                actor_kind) values (?, 'project', ?, 'imported', ?,
                jsonb_build_object('tasks', jsonb_build_array(null, ?::text),
                'links', jsonb_build_array(null, ?::text), 'resources', jsonb_build_array(null, ?::text),
                'assignments', jsonb_build_array(null, ?::text)),
                nullif(current_setting('gantry.actor_id', true), '')::bigint,
                nullif(current_setting('gantry.token_id', true), '')::bigint,
                case when nullif(current_setting('gantry.actor_id', true), '') is null then 'system'
                when nullif(current_setting('gantry.token_id', true), '') is not null then 'token'
                else 'user' end)
                """)
                .params(
                        projectId,
                        Long.toString(projectId),
                        fileName == null ? "a file" : fileName,
                        Integer.toString(tasks),
                        Integer.toString(links),
                        Integer.toString(resources),
                        Integer.toString(assignments))
                .update();
    }
}
