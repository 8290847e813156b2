package org.gantry.server.board;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.board.SprintRows.Member;
import org.gantry.server.board.SprintRows.Scope;
import org.gantry.server.board.SprintRows.SprintRow;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sprint charts (burndown, velocity) and the milestones sprints feed, with their forecasts. Reading needs
 * any role. Every figure is recomputed from the activity log ({@link TaskHistory}) and the sprint's membership
 * rows, never stored.
 */
@Service
class SprintCharts {

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final Clock clock;
    private final SprintRows rows;

    SprintCharts(JdbcClient jdbc, ProjectService projects, Clock clock, SprintRows rows) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.clock = clock;
        this.rows = rows;
    }

    @Transactional(readOnly = true)
    public Burndown burndown(CurrentUser user, String projectRef, long sprintId) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        SprintRow sprint = rows.row(access, sprintId);
        if (sprint.state() == SprintState.PLANNED || sprint.startDate() == null || sprint.endDate() == null) {
            return new Burndown(sprint.id(), sprint.state(), sprint.startDate(), sprint.endDate(), null, List.of());
        }
        TaskHistory history = TaskHistory.of(jdbc, access.projectId());
        List<Member> members = rows.members(sprint.id());
        ZoneId zone = access.timeZone();
        Instant now = clock.instant();
        BigDecimal committed = SprintRows.committedPoints(sprint, members, history);
        long length = ChronoUnit.DAYS.between(sprint.startDate(), sprint.endDate()) + 1;
        List<Burndown.Day> days = new ArrayList<>();
        for (LocalDate day = sprint.startDate(); !day.isAfter(sprint.endDate()); day = day.plusDays(1)) {
            long left = ChronoUnit.DAYS.between(day, sprint.endDate());
            BigDecimal ideal = SprintService.plain(committed
                    .multiply(BigDecimal.valueOf(left))
                    .divide(BigDecimal.valueOf(length), 2, RoundingMode.HALF_UP));
            Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant();
            Instant startOfDay = day.atStartOfDay(zone).toInstant();
            boolean toCome = sprint.state() == SprintState.ACTIVE && !startOfDay.isBefore(now);
            boolean afterCompletion = sprint.completedAt() != null && !startOfDay.isBefore(sprint.completedAt());
            if (toCome || afterCompletion) {
                days.add(new Burndown.Day(day, ideal, null, null, null, null, null));
                continue;
            }
            Instant at = endOfDay;
            if (sprint.completedAt() != null && sprint.completedAt().isBefore(at)) {
                at = sprint.completedAt();
            }
            if (sprint.state() == SprintState.ACTIVE && now.isBefore(at)) {
                at = now;
            }
            Scope scope = SprintRows.scope(members, history, at);
            days.add(new Burndown.Day(
                    day,
                    ideal,
                    SprintService.plain(scope.total().subtract(scope.done())),
                    SprintService.plain(scope.committedTotal().subtract(scope.committedDone())),
                    SprintService.plain(scope.total().subtract(scope.committedTotal())),
                    SprintService.plain(scope.done()),
                    SprintService.plain(scope.total())));
        }
        return new Burndown(
                sprint.id(),
                sprint.state(),
                sprint.startDate(),
                sprint.endDate(),
                SprintService.plain(committed),
                days);
    }

    @Transactional(readOnly = true)
    public Velocity velocity(CurrentUser user, String projectRef, Integer last) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        if (last != null && (last < 1 || last > 100)) {
            throw new InvalidInput("last", "must be between 1 and 100");
        }
        return velocity(access, last == null ? 6 : last);
    }

    /** The velocity of the last {@code last} closed sprints (the backlog shows their average). */
    Velocity velocity(ProjectAccess access, int last) {
        List<SprintRow> closed = rows.lastClosed(access, last);
        if (closed.isEmpty()) {
            return new Velocity(access.key(), null, List.of());
        }
        TaskHistory history = TaskHistory.of(jdbc, access.projectId());
        List<Velocity.SprintVelocity> sprints = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (SprintRow sprint : closed) {
            List<Member> members = rows.members(sprint.id());
            Scope scope = SprintRows.scope(members, history, sprint.completedAt());
            sprints.add(new Velocity.SprintVelocity(
                    sprint.id(),
                    sprint.name(),
                    sprint.startDate(),
                    sprint.endDate(),
                    SprintService.plain(SprintRows.committedPoints(sprint, members, history)),
                    SprintService.plain(scope.done()),
                    SprintService.plain(scope.total().subtract(scope.committedTotal())),
                    SprintService.plain(scope.total().subtract(scope.done()))));
            sum = sum.add(scope.done());
        }
        BigDecimal average =
                SprintService.plain(sum.divide(BigDecimal.valueOf(sprints.size()), 2, RoundingMode.HALF_UP));
        return new Velocity(access.key(), average, sprints);
    }

    /** What a sprint may feed, in outline order: the project's milestones and summary tasks. */
    @Transactional(readOnly = true)
    public List<MilestoneChoice> milestoneChoices(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return jdbc.sql("""
                select t.id, array_to_string(t.outline_path, '.'), t.name, t.milestone from task t
                where t.project_id = ? and (t.milestone or exists (select 1 from task c where c.parent_id = t.id))
                order by t.outline_path
                """)
                .param(access.projectId())
                .query((rs, row) ->
                        new MilestoneChoice(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    /**
     * The project's milestones, and any task a sprint is linked to, in outline order, each with the
     * forecast its linked sprints give it: a sprint running late shows as slippage of the milestone it feeds.
     */
    @Transactional(readOnly = true)
    public List<MilestoneForecast> milestones(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        record Link(long taskId, long sprintId, SprintState state, LocalDate endDate, Instant completedAt) {}
        Map<Long, List<Link>> links = new LinkedHashMap<>();
        jdbc.sql("""
                select milestone_id, id, state, end_date, completed_at from sprint
                where project_id = ? and milestone_id is not null order by id
                """).param(access.projectId()).query(rs -> {
            links.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                    .add(new Link(
                            rs.getLong(1),
                            rs.getLong(2),
                            SprintState.valueOf(rs.getString(3)),
                            rs.getObject(4, LocalDate.class),
                            SprintRows.instant(rs.getObject(5, OffsetDateTime.class))));
        });
        Long[] linked = links.keySet().toArray(Long[]::new);
        return jdbc.sql("""
                select t.id, array_to_string(t.outline_path, '.'), t.name, t.milestone, t.finish_at
                from task t where t.project_id = ? and (t.milestone or t.id = any(?::bigint[]))
                order by t.outline_path
                """)
                .params(access.projectId(), linked)
                .query((rs, row) -> {
                    long id = rs.getLong(1);
                    LocalDateTime finish = rs.getObject(5, LocalDateTime.class);
                    List<Link> sprintsOfTask = links.getOrDefault(id, List.of());
                    LocalDate forecast = null;
                    boolean anyOpen = sprintsOfTask.stream().anyMatch(link -> link.state() != SprintState.CLOSED);
                    for (Link link : sprintsOfTask) {
                        LocalDate date = anyOpen
                                ? (link.state() == SprintState.CLOSED ? null : link.endDate())
                                : LocalDate.ofInstant(link.completedAt(), access.timeZone());
                        if (date != null && (forecast == null || date.isAfter(forecast))) {
                            forecast = date;
                        }
                    }
                    Integer slip = forecast == null || finish == null
                            ? null
                            : (int) ChronoUnit.DAYS.between(finish.toLocalDate(), forecast);
                    return new MilestoneForecast(
                            id,
                            rs.getString(2),
                            rs.getString(3),
                            rs.getBoolean(4),
                            finish,
                            forecast,
                            slip,
                            slip != null && slip > 0,
                            sprintsOfTask.stream().map(Link::sprintId).toList());
                })
                .list();
    }
}
