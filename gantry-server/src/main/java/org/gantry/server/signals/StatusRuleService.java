package org.gantry.server.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.StaleVersion;
import org.gantry.server.task.TaskChanges;
import org.gantry.server.task.TaskDetails;
import org.gantry.server.task.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A project's status rules, and applying them after a delivery: a pull request that was opened (or
 * reopened) or merged moves the tasks it names to the rule's status, through the ordinary task update (its
 * checks, its version, its reschedule and live update), one task per transaction, recorded in the activity
 * log as the webhook's. An opened pull request leaves a finished task (status of the DONE category) alone;
 * a rule whose status has since been deleted does nothing (logged).
 */
@Service
class StatusRuleService {
    private static final Logger log = LoggerFactory.getLogger(StatusRuleService.class);

    /** Who a rule acts as: no account (id 0 is none), allowed into its project like the server itself. */
    private static final CurrentUser WEBHOOK = new CurrentUser(0, "webhook@gantry.invalid", "Webhook", true);

    enum Transition {
        OPENED,
        MERGED,
        /** A deployment carrying the task's work first succeeded in the production environment. */
        DEPLOYED
    }

    static final int MAXIMUM_HOTFIX_HOURS = 720;

    /** A task to move because of a pull request. */
    record Move(long taskId, Transition transition) {}

    /** A status a rule set. */
    record StatusChange(long taskId, String status) {}

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final TaskService tasks;
    private final TransactionTemplate transactions;

    StatusRuleService(JdbcClient jdbc, ProjectService projects, TaskService tasks, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.tasks = tasks;
        this.transactions = transactions;
    }

    @Transactional(readOnly = true)
    StatusRules get(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return rules(access.projectId());
    }

    @Transactional
    StatusRules update(CurrentUser user, String projectRef, StatusRuleChanges body) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        if (body == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (body.version() == null) {
            problems.add("version", "is required: the rules' version as you last read them (0 at first)");
        }
        Set<String> statuses = Set.copyOf(jdbc.sql("select status_key from task_status where project_id = ?")
                .param(access.projectId())
                .query(String.class)
                .list());
        String opened = status("pullRequestOpened", body.pullRequestOpened(), statuses, problems);
        String merged = status("pullRequestMerged", body.pullRequestMerged(), statuses, problems);
        String deployed = status("deployedToProduction", body.deployedToProduction(), statuses, problems);
        String production = body.productionEnvironment() == null
                        || body.productionEnvironment().isBlank()
                ? DeliveryMetricsService.DEFAULT_ENVIRONMENT
                : body.productionEnvironment().strip();
        if (production.length() > 100) {
            problems.add("productionEnvironment", "must be at most 100 characters long");
        } else if (production.indexOf('\0') >= 0) {
            problems.add("productionEnvironment", "must not contain NUL characters");
        }
        Integer hotfixHours = body.hotfixWithinHours();
        if (hotfixHours != null && (hotfixHours < 1 || hotfixHours > MAXIMUM_HOTFIX_HOURS)) {
            problems.add(
                    "hotfixWithinHours",
                    "must be between 1 and " + MAXIMUM_HOTFIX_HOURS + " hours, or null to turn the rule off");
        }
        problems.throwIfAny();
        // Version 0: no rules saved yet (a saved row starts at 1).
        int changed = body.version() == 0
                ? jdbc.sql("""
                        insert into dev_status_rule (project_id, pull_request_opened, pull_request_merged,
                        deployed_to_production, production_environment, hotfix_within_hours, version)
                        values (?, ?, ?, ?, ?, ?, 1) on conflict (project_id) do nothing
                        """)
                        .params(access.projectId(), opened, merged, deployed, production, hotfixHours)
                        .update()
                : jdbc.sql("""
                        update dev_status_rule set pull_request_opened = ?, pull_request_merged = ?,
                        deployed_to_production = ?, production_environment = ?, hotfix_within_hours = ?,
                        updated_at = now(), version = version + 1 where project_id = ? and version = ?
                        """)
                        .params(opened, merged, deployed, production, hotfixHours, access.projectId(), body.version())
                        .update();
        if (changed == 0) {
            throw new StaleVersion("The status rules", rules(access.projectId()));
        }
        return rules(access.projectId());
    }

    private static String status(String field, String given, Set<String> statuses, InvalidInput.Collector problems) {
        if (given == null || given.isBlank()) {
            return null;
        }
        if (!statuses.contains(given)) {
            problems.add(
                    field,
                    "must be one of the project's statuses: "
                            + statuses.stream().sorted().collect(Collectors.joining(", ")));
            return null;
        }
        return given;
    }

    StatusRules rules(long projectId) {
        return jdbc.sql("""
                select pull_request_opened, pull_request_merged, deployed_to_production,
                production_environment, hotfix_within_hours, version from dev_status_rule
                where project_id = ?
                """)
                .param(projectId)
                .query((rs, row) -> new StatusRules(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        (Integer) rs.getObject(5),
                        rs.getInt(6)))
                .optional()
                .orElse(new StatusRules(null, null, null, DeliveryMetricsService.DEFAULT_ENVIRONMENT, null, 0));
    }

    /** Applies the project's rules to the moves a delivery caused; returns the statuses set. */
    List<StatusChange> apply(long projectId, String projectKey, List<Move> moves) {
        List<StatusChange> changes = new ArrayList<>();
        if (moves.isEmpty()) {
            return changes;
        }
        StatusRules rules = rules(projectId);
        for (Move move : moves) {
            String target =
                    switch (move.transition()) {
                        case OPENED -> rules.pullRequestOpened();
                        case MERGED -> rules.pullRequestMerged();
                        case DEPLOYED -> rules.deployedToProduction();
                    };
            if (target == null) {
                continue;
            }
            try {
                Boolean moved = transactions.execute(status -> {
                    jdbc.sql("select set_config('gantry.actor_kind', 'webhook', true)")
                            .query(rs -> {});
                    TaskDetails details = tasks.get(WEBHOOK, projectKey, move.taskId());
                    String current = details.task().status();
                    if (current.equals(target)) {
                        return false;
                    }
                    if (move.transition() == Transition.OPENED && isDone(projectId, current)) {
                        return false;
                    }
                    tasks.update(
                            WEBHOOK,
                            projectKey,
                            move.taskId(),
                            new TaskChanges(
                                    null,
                                    null,
                                    null,
                                    target,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    details.task().version()));
                    return true;
                });
                if (Boolean.TRUE.equals(moved)) {
                    changes.add(new StatusChange(move.taskId(), target));
                }
            } catch (RuntimeException e) {
                // The delivery is stored; a rule that cannot apply (its status deleted, the task gone or
                // changed at this very moment) must not undo it.
                log.warn(
                        "Status rule {} -> {} not applied to task {} of {}: {}",
                        move.transition(),
                        target,
                        move.taskId(),
                        projectKey,
                        e.getMessage());
            }
        }
        return changes;
    }

    private boolean isDone(long projectId, String status) {
        return jdbc.sql(
                                "select count(*) from task_status where project_id = ? and status_key = ? and category = 'DONE'")
                        .params(projectId, status)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
