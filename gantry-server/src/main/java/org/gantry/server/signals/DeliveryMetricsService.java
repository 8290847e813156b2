package org.gantry.server.signals;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads what the project's webhooks stored and hands it to {@link DeliveryMeasures}. The whole history of the
 * environment is read (a deployment's commits and a fix's deployment depend on what came before the period),
 * in three queries.
 */
@Service
class DeliveryMetricsService {
    static final int DEFAULT_WEEKS = 12;
    static final int MAXIMUM_DAYS = 731;
    static final String DEFAULT_ENVIRONMENT = "production";

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final Clock clock;
    private final StatusRuleService rules;

    DeliveryMetricsService(JdbcClient jdbc, ProjectService projects, Clock clock, StatusRuleService rules) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.projects = projects;
        this.clock = clock;
    }

    /**
     * The measures over {@code from} to {@code to} (dates in the project's time zone, both included; by default
     * the twelve weeks up to today).
     */
    @Transactional(readOnly = true)
    DeliveryMetrics measure(CurrentUser user, String projectRef, String from, String to, String environment) {
        return measure(user, projectRef, from, to, environment, null);
    }

    /**
     * The measures of one service ({@code service}: a repository, or a service name the generic format
     * gave; null or blank: all), over {@code from} to {@code to}.
     */
    @Transactional(readOnly = true)
    DeliveryMetrics measure(
            CurrentUser user, String projectRef, String from, String to, String environment, String service) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        StatusRules projectRules = rules.rules(access.projectId());
        DeliveryMeasures.Period asked = period(
                access,
                from,
                to,
                environment == null || environment.isBlank() ? projectRules.productionEnvironment() : environment);
        String serviceName = service == null || service.isBlank() ? null : service.strip();
        if (serviceName != null && serviceName.length() > 200) {
            throw new InvalidInput("service", "must be at most 200 characters long");
        }
        DeliveryMeasures.Period period = new DeliveryMeasures.Period(
                asked.from(),
                asked.to(),
                asked.zone(),
                asked.environment(),
                projectRules.hotfixWithinHours(),
                serviceName);
        long project = access.projectId();
        List<DeliveryMeasures.Deployment> deployments = jdbc.sql("""
                select repository, external_id, status, sha,
                deployed_at, succeeded_at, ref from dev_deployment where project_id = ?
                and lower(environment) = lower(?) and (cast(? as text) is null or repository = ?)
                """)
                .params(project, period.environment(), serviceName, serviceName)
                .query((rs, row) -> new DeliveryMeasures.Deployment(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        instant(rs, 5),
                        instant(rs, 6),
                        rs.getString(7)))
                .list();
        List<DeliveryMeasures.Commit> commits = jdbc.sql(
                        "select repository, sha, committed_at, message from dev_commit"
                                // Pushes in the order they arrived; a push's commits by their time (they are stored
                                // sorted by sha, so their ids do not tell their order).
                                + " where project_id = ? and (cast(? as text) is null or repository = ?)"
                                + " order by min(id) over (partition by coalesce(delivery_id, -id)), committed_at nulls last, id")
                .params(project, serviceName, serviceName)
                .query((rs, row) ->
                        new DeliveryMeasures.Commit(rs.getString(1), rs.getString(2), instant(rs, 3), rs.getString(4)))
                .list();
        List<DeliveryMeasures.Issue> issues = jdbc.sql("""
                select repository, number, title, url, labels, opened_at,
                closed_at from dev_issue where project_id = ? and cardinality(labels) > 0
                and (cast(? as text) is null or repository = ?) order by id
                """)
                .params(project, serviceName, serviceName)
                .query((rs, row) -> new DeliveryMeasures.Issue(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        List.of((String[]) rs.getArray(5).getArray()),
                        instant(rs, 6),
                        instant(rs, 7)))
                .list();
        boolean issuesReceived = jdbc.sql("select exists (select 1 from dev_issue where project_id = ?)")
                .param(project)
                .query(Boolean.class)
                .single();
        List<String> services = jdbc.sql("""
                select distinct repository from dev_deployment where project_id = ?
                order by repository limit 200
                """).param(project).query(String.class).list();
        return DeliveryMeasures.measure(
                        new DeliveryMeasures.History(deployments, commits, issues, issuesReceived),
                        period,
                        clock.instant())
                .withServices(services);
    }

    /** The period asked for, checked: 400 naming each field that cannot be used. */
    static DeliveryMeasures.Period period(ProjectAccess access, String from, String to, String environment) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        LocalDate end = date(to, "to", problems);
        LocalDate start = date(from, "from", problems);
        String name = environment == null || environment.isBlank() ? DEFAULT_ENVIRONMENT : environment.strip();
        if (name.length() > 100) {
            problems.add("environment", "must be at most 100 characters long");
        }
        problems.throwIfAny();
        if (end == null) {
            end = LocalDate.now(access.timeZone());
            if (start != null && start.isAfter(end)) {
                end = start.plusWeeks(DEFAULT_WEEKS).minusDays(1);
            }
        }
        if (start == null) {
            start = end.minusWeeks(DEFAULT_WEEKS).plusDays(1);
        }
        if (start.isAfter(end)) {
            problems.add("from", "must be on or before to (" + end + ")");
        } else if (start.plusDays(MAXIMUM_DAYS).isBefore(end.plusDays(1))) {
            problems.add("to", "must be at most " + MAXIMUM_DAYS + " days after from: choose a shorter period");
        }
        problems.throwIfAny();
        return new DeliveryMeasures.Period(start, end, access.timeZone(), name);
    }

    private static LocalDate date(String text, String field, InvalidInput.Collector problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.getYear() < 1970 || date.getYear() > 9999) {
                problems.add(field, "must be a date between 1970 and 9999");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.add(field, "must be a date like 2026-12-01");
            return null;
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }
}
