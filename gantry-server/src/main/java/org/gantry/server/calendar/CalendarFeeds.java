package org.gantry.server.calendar;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.identity.UserDeactivated;
import org.gantry.server.project.MemberRemoved;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secrets behind the iCal feed URLs. A project has one feed (every member may see its URL, since
 * it shows only what they can read; owners and managers regenerate it) and each person has one for
 * their own assignments (only they see and regenerate it). A secret is created on first use;
 * regenerating replaces it, so the old URL answers 404 from then on.
 */
@Service
class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a secret gives access to: a project's plan, or one person's assignments. */
    sealed interface Target {}

    record ProjectTarget(long projectId) implements Target {}

    record PersonTarget(long userId) implements Target {}

    private final JdbcClient jdbc;
    private final ProjectService projects;

    CalendarFeeds(JdbcClient jdbc, ProjectService projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    @Transactional
    String projectSecret(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return existing("project_id", access.projectId())
                .orElseGet(() -> create("project_id", access.projectId(), user));
    }

    @Transactional
    String regenerateProjectSecret(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        jdbc.sql("delete from calendar_feed where project_id = ?")
                .param(access.projectId())
                .update();
        return create("project_id", access.projectId(), user);
    }

    @Transactional
    String personalSecret(CurrentUser user) {
        return existing("user_id", user.id()).orElseGet(() -> create("user_id", user.id(), user));
    }

    @Transactional
    String regeneratePersonalSecret(CurrentUser user) {
        jdbc.sql("delete from calendar_feed where user_id = ?").param(user.id()).update();
        return create("user_id", user.id(), user);
    }

    @Transactional(readOnly = true)
    Optional<Target> resolve(String secret) {
        return jdbc.sql("select project_id, user_id from calendar_feed where secret = ?")
                .param(secret)
                .query((rs, row) -> {
                    long projectId = rs.getLong("project_id");
                    return rs.wasNull()
                            ? (Target) new PersonTarget(rs.getLong("user_id"))
                            : new ProjectTarget(projectId);
                })
                .optional();
    }

    /**
     * Every member was shown the project's feed address, and it is a credential of its own: when one
     * leaves the project (or is deactivated), the address is replaced so it stops answering for them.
     * The others find the new one on the calendar page.
     */
    @EventListener
    void memberRemoved(MemberRemoved event) {
        jdbc.sql("delete from calendar_feed where project_id = ?")
                .param(event.projectId())
                .update();
    }

    @EventListener
    void userDeactivated(UserDeactivated event) {
        jdbc.sql("""
                delete from calendar_feed where project_id in
                (select project_id from project_member where user_id = ?)
                """).param(event.userId()).update();
    }

    private Optional<String> existing(String column, long id) {
        return jdbc.sql("select secret from calendar_feed where " + column + " = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    private String create(String column, long id, CurrentUser user) {
        String secret = newSecret();
        // Two first visits at once would both insert; the unique index lets one win and the other
        // read the winner's secret.
        int inserted = jdbc.sql("insert into calendar_feed (" + column + ", secret, created_by) values (?, ?, ?)"
                        + " on conflict do nothing")
                .params(id, secret, user.id())
                .update();
        return inserted == 1 ? secret : existing(column, id).orElseThrow();
    }

    /** 256 random bits, URL-safe: unguessable, and the URL is the only credential a calendar app has. */
    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
