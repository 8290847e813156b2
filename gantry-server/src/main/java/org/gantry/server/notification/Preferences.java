package org.gantry.server.notification;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.notification.NotificationPreferences.KindPreference;
import org.gantry.server.notification.NotificationPreferences.ProjectPreference;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's preferences (per kind, overridden per project; digest time) and each project's move
 * threshold. A kind nobody set follows {@link Reason}'s default: mentions and assignments by e-mail right
 * away, the rest in the next batch, everything in the app.
 */
@Service
class Preferences {

    private static final Pattern THRESHOLD = Pattern.compile("^\\s*(\\d{1,6}(?:\\.\\d{1,2})?)\\s*([dhm])\\s*$");

    /** How one kind reaches one person. */
    record Choice(EmailDelivery email, boolean inApp) {}

    private final JdbcClient jdbc;
    private final ProjectService projects;

    Preferences(JdbcClient jdbc, ProjectService projects) {
        this.jdbc = jdbc;
        this.projects = projects;
    }

    /** The choices of each person for the project, in one query: a project override beats the general one. */
    Map<Long, Map<Reason, Choice>> choices(long projectId, Collection<Long> userIds) {
        Map<Long, Map<Reason, Choice>> general = new HashMap<>();
        Map<Long, Map<Reason, Choice>> project = new HashMap<>();
        jdbc.sql("""
                select user_id, project_id, kind, email, in_app from notification_preference
                where user_id = any(?) and (project_id is null or project_id = ?)
                """).params(userIds.toArray(Long[]::new), projectId).query(rs -> {
            rs.getLong(2);
            Map<Long, Map<Reason, Choice>> target = rs.wasNull() ? general : project;
            target.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(Reason.class))
                    .put(
                            Reason.valueOf(rs.getString(3)),
                            new Choice(EmailDelivery.valueOf(rs.getString(4)), rs.getBoolean(5)));
        });
        Map<Long, Map<Reason, Choice>> choices = new HashMap<>();
        for (long userId : userIds) {
            Map<Reason, Choice> own = new EnumMap<>(Reason.class);
            for (Reason reason : Reason.values()) {
                Choice choice = project.getOrDefault(userId, Map.of()).get(reason);
                if (choice == null) {
                    choice = general.getOrDefault(userId, Map.of()).get(reason);
                }
                own.put(reason, choice == null ? new Choice(reason.defaultEmail(), true) : choice);
            }
            choices.put(userId, own);
        }
        return choices;
    }

    @Transactional(readOnly = true)
    public NotificationPreferences get(CurrentUser user) {
        Map<Reason, Choice> general = new EnumMap<>(Reason.class);
        List<ProjectPreference> overrides = new ArrayList<>();
        jdbc.sql("""
                select n.project_id, p.project_key, n.kind, n.email, n.in_app from notification_preference n
                left join project p on p.id = n.project_id where n.user_id = ? order by p.project_key, n.kind
                """).param(user.id()).query(rs -> {
            Reason kind = Reason.valueOf(rs.getString(3));
            EmailDelivery email = EmailDelivery.valueOf(rs.getString(4));
            boolean inApp = rs.getBoolean(5);
            if (rs.getString(2) == null) {
                general.put(kind, new Choice(email, inApp));
            } else {
                overrides.add(new ProjectPreference(rs.getString(2), kind, email, inApp));
            }
        });
        List<KindPreference> kinds = new ArrayList<>();
        for (Reason reason : Reason.values()) {
            Choice choice = general.getOrDefault(reason, new Choice(reason.defaultEmail(), true));
            kinds.add(new KindPreference(reason, reason.description(), choice.email(), choice.inApp()));
        }
        Setting setting = setting(user.id());
        return new NotificationPreferences(
                setting.digestTime(), setting.timeZone(), kinds, overrides, setting.version());
    }

    @Transactional
    public NotificationPreferences update(CurrentUser user, NotificationPreferences change) {
        var problems = new InvalidInput.Collector();
        if (change.timeZone() != null) {
            try {
                ZoneId.of(change.timeZone());
            } catch (DateTimeException e) {
                problems.add("timeZone", "is not a time zone (e.g. Europe/Berlin, UTC)");
            }
        }
        List<KindPreference> kinds = change.kinds() == null ? List.of() : change.kinds();
        for (int i = 0; i < kinds.size(); i++) {
            KindPreference kind = kinds.get(i);
            if (kind == null || kind.kind() == null) {
                problems.add("kinds[" + i + "].kind", "is required: one of " + List.of(Reason.values()));
            } else if (kind.email() == null && kind.inApp() == null) {
                problems.add("kinds[" + i + "]", "needs email (IMMEDIATE, BATCH, DIGEST, OFF) or inApp");
            }
        }
        List<ProjectPreference> overrides = change.projects() == null ? List.of() : change.projects();
        List<Long> projectIds = new ArrayList<>();
        for (int i = 0; i < overrides.size(); i++) {
            ProjectPreference override = overrides.get(i);
            Long projectId = null;
            if (override == null || override.project() == null) {
                problems.add("projects[" + i + "].project", "is required: a project key or id");
            } else {
                try {
                    projectId = projects.access(user, override.project()).projectId();
                } catch (NotFound e) {
                    problems.add("projects[" + i + "].project", "is not a project you can read");
                }
            }
            if (override != null && override.kind() == null) {
                problems.add("projects[" + i + "].kind", "is required: one of " + List.of(Reason.values()));
            }
            projectIds.add(projectId);
        }
        problems.throwIfAny();
        Setting current = setting(user.id());
        if (change.version() != null && change.version() != current.version()) {
            throw new StaleVersion("Your notification preferences", get(user));
        }
        jdbc.sql("""
                insert into notification_setting (user_id, digest_time, time_zone, version)
                values (?, ?, ?, 1)
                on conflict (user_id) do update set digest_time = excluded.digest_time,
                time_zone = excluded.time_zone, version = notification_setting.version + 1
                """)
                .params(
                        user.id(),
                        change.digestTime() == null ? current.digestTime() : change.digestTime(),
                        change.timeZone() == null ? current.timeZone() : change.timeZone())
                .update();
        Map<Reason, Choice> general = choices(0L, List.of(user.id())).get(user.id());
        for (KindPreference kind : kinds) {
            Choice before = general.get(kind.kind());
            upsert(
                    user.id(),
                    null,
                    kind.kind(),
                    kind.email() == null ? before.email() : kind.email(),
                    kind.inApp() == null ? before.inApp() : kind.inApp());
        }
        for (int i = 0; i < overrides.size(); i++) {
            ProjectPreference override = overrides.get(i);
            long projectId = projectIds.get(i);
            if (override.email() == null && override.inApp() == null) {
                jdbc.sql("delete from notification_preference where user_id = ? and project_id = ? and kind = ?")
                        .params(user.id(), projectId, override.kind().name())
                        .update();
                continue;
            }
            Choice before =
                    choices(projectId, List.of(user.id())).get(user.id()).get(override.kind());
            upsert(
                    user.id(),
                    projectId,
                    override.kind(),
                    override.email() == null ? before.email() : override.email(),
                    override.inApp() == null ? before.inApp() : override.inApp());
        }
        return get(user);
    }

    private void upsert(long userId, Long projectId, Reason kind, EmailDelivery email, boolean inApp) {
        jdbc.sql("""
                insert into notification_preference (user_id, project_id, kind, email, in_app) values (?, ?, ?, ?, ?)
                on conflict (user_id, coalesce(project_id, 0), kind) do update
                set email = excluded.email, in_app = excluded.in_app
                """)
                .params(userId, projectId, kind.name(), email.name(), inApp)
                .update();
    }

    record Setting(LocalTime digestTime, String timeZone, int version) {}

    Setting setting(long userId) {
        return jdbc.sql("select digest_time, time_zone, version from notification_setting where user_id = ?")
                .param(userId)
                .query((rs, n) -> new Setting(rs.getObject(1, LocalTime.class), rs.getString(2), rs.getInt(3)))
                .optional()
                .orElse(new Setting(LocalTime.of(8, 0), "UTC", 0));
    }

    /** The project's move threshold in working minutes (by default one working day). */
    long moveThreshold(long projectId, long minutesPerDay) {
        return jdbc.sql("select move_threshold_minutes from project_notification_setting where project_id = ?")
                .param(projectId)
                .query((rs, n) -> {
                    long minutes = rs.getLong(1);
                    return rs.wasNull() ? null : minutes;
                })
                .optional()
                .orElse(minutesPerDay);
    }

    @Transactional(readOnly = true)
    public ProjectNotificationSettings projectSettings(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return projectSettings(access);
    }

    @Transactional
    public ProjectNotificationSettings changeProjectSettings(
            CurrentUser user, String projectRef, ProjectNotificationSettings change) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        var problems = new InvalidInput.Collector();
        if (change.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        List<String> clear = change.clear() == null ? List.of() : change.clear();
        for (String field : clear) {
            if (!"moveThreshold".equals(field)) {
                problems.add("clear", "can name moveThreshold; not " + field);
            }
        }
        Long minutes = change.moveThresholdMinutes();
        if (minutes != null && minutes < 0) {
            problems.add("moveThresholdMinutes", "must be 0 or more");
        }
        if (change.moveThreshold() != null) {
            Matcher matcher = THRESHOLD.matcher(change.moveThreshold().toLowerCase(Locale.ROOT));
            if (matcher.matches()) {
                double amount = Double.parseDouble(matcher.group(1));
                long unit =
                        switch (matcher.group(2)) {
                            case "d" -> access.minutesPerDay();
                            case "h" -> 60;
                            default -> 1;
                        };
                minutes = Math.round(amount * unit);
            } else {
                problems.add("moveThreshold", "must be a working duration such as 1d, 4h or 30m");
            }
        }
        if (minutes == null && !clear.contains("moveThreshold") && !problems.has("moveThreshold")) {
            problems.add("moveThreshold", "is required (or clear: [\"moveThreshold\"] for one working day)");
        }
        problems.throwIfAny();
        ProjectNotificationSettings current = projectSettings(access);
        if (!change.version().equals(current.version())) {
            throw new StaleVersion("The notification settings of project " + access.key(), current);
        }
        jdbc.sql("""
                insert into project_notification_setting (project_id, move_threshold_minutes, version)
                values (?, ?, 1)
                on conflict (project_id) do update set move_threshold_minutes = excluded.move_threshold_minutes,
                version = project_notification_setting.version + 1
                """)
                .params(access.projectId(), clear.contains("moveThreshold") ? null : minutes)
                .update();
        return projectSettings(access);
    }

    private ProjectNotificationSettings projectSettings(ProjectAccess access) {
        Object[] row = jdbc.sql("""
                select move_threshold_minutes, version from project_notification_setting
                where project_id = ?
                """)
                .param(access.projectId())
                .query((rs, n) -> {
                    long minutes = rs.getLong(1);
                    return new Object[] {rs.wasNull() ? null : minutes, rs.getInt(2)};
                })
                .optional()
                .orElse(new Object[] {null, 0});
        Long minutes = (Long) row[0];
        long effective = minutes == null ? access.minutesPerDay() : minutes;
        return new ProjectNotificationSettings(
                access.key(),
                effective,
                Wording.work(effective, access.minutesPerDay()),
                minutes == null,
                null,
                (Integer) row[1]);
    }
}
