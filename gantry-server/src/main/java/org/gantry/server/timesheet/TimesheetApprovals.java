package org.gantry.server.timesheet;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Conflict;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.gantry.server.shared.StaleVersion;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Submitting a week of time and deciding on it. A person submits their open entries of a week in a project;
 * the entries are then locked until an owner or manager of the project approves (they stay locked: what was
 * approved is what the actuals and the earned value were computed from) or rejects with a reason (they open
 * again, to be corrected and submitted anew). Also the project's time settings: the locked period and how
 * hours become actual work.
 */
@Service
public class TimesheetApprovals {
    private static final int MAXIMUM_REASON = 2000;
    private static final String SELECT = """
        select s.id, s.project_id, p.project_key, s.user_id, u.name as user_name,
        s.week_start, s.state, s.minutes, s.submitted_at, s.decided_by, d.name as decided_by_name,
        s.decided_at, s.reason, s.version from timesheet_submission s join project p on p.id = s.project_id
        join app_user u on u.id = s.user_id left join app_user d on d.id = s.decided_by
        """;

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final TimeEntryService entries;
    private final ApplicationEventPublisher events;

    TimesheetApprovals(
            JdbcClient jdbc, ProjectService projects, TimeEntryService entries, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.entries = entries;
        this.events = events;
    }

    /** Submits the caller's open entries of the week holding {@code anyDay} in the project. */
    @Transactional
    public TimesheetSubmission submit(CurrentUser user, String projectRef, LocalDate anyDay) {
        if (anyDay == null) {
            throw new InvalidInput("week", "is required: any day of the week to submit");
        }
        if (anyDay.getYear() < 1900 || anyDay.getYear() > 2200) {
            throw new InvalidInput("week", "must lie between 1900-01-01 and 2200-12-31");
        }
        ProjectAccess access = projects.access(user, projectRef).require(Permission.LOG_TIME);
        LocalDate monday = TimesheetService.monday(anyDay);
        long minutes = jdbc.sql("""
                select coalesce(sum(minutes), 0) from time_entry where project_id = ? and user_id = ?
                and entry_date between ? and ? and state = 'OPEN'
                """)
                .params(access.projectId(), user.id(), monday, monday.plusDays(6))
                .query(Long.class)
                .single();
        if (minutes == 0) {
            throw new Conflict(
                    "Nothing to submit",
                    "You have no time in project " + access.key() + " in the week of " + monday
                            + " that is not already submitted or approved.");
        }
        long id = jdbc.sql("""
                insert into timesheet_submission (project_id, user_id, week_start, minutes)
                values (?, ?, ?, ?) returning id
                """)
                .params(access.projectId(), user.id(), monday, (int) minutes)
                .query(Long.class)
                .single();
        jdbc.sql("""
                update time_entry set state = 'SUBMITTED', submission_id = ?, version = version + 1,
                updated_at = now() where project_id = ? and user_id = ? and entry_date between ? and ?
                and state = 'OPEN'
                """)
                .params(id, access.projectId(), user.id(), monday, monday.plusDays(6))
                .update();
        return find(id);
    }

    /** Submits the caller's week in every project where they have open time that week; the submissions. */
    @Transactional
    public List<TimesheetSubmission> submitWeek(CurrentUser user, LocalDate anyDay) {
        LocalDate monday = TimesheetService.monday(anyDay);
        List<Long> projectIds = jdbc.sql("""
                select distinct e.project_id from time_entry e join project_member m on
                m.project_id = e.project_id and m.user_id = e.user_id and m.role in ('OWNER', 'MANAGER',
                'MEMBER') join project p on p.id = e.project_id where e.user_id = ? and not p.archived
                and e.entry_date between ? and ? and e.state = 'OPEN' order by e.project_id
                """)
                .params(user.id(), monday, monday.plusDays(6))
                .query(Long.class)
                .list();
        List<TimesheetSubmission> submitted = new ArrayList<>();
        for (long projectId : projectIds) {
            submitted.add(submit(user, String.valueOf(projectId), monday));
        }
        return submitted;
    }

    /** The submissions the caller may see in a project (everyone's for owners and managers), newest first. */
    @Transactional(readOnly = true)
    public List<TimesheetSubmission> list(CurrentUser user, String projectRef, String state, Long person) {
        ProjectAccess access = projects.access(user, projectRef);
        String wantedState =
                state == null || state.isBlank() ? null : state.strip().toUpperCase();
        if (wantedState != null && !List.of("SUBMITTED", "APPROVED", "REJECTED").contains(wantedState)) {
            throw new InvalidInput("state", "must be SUBMITTED, APPROVED or REJECTED");
        }
        StringBuilder where = new StringBuilder(" where s.project_id = :project");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("project", access.projectId());
        if (!access.can(Permission.SEE_COSTS)) {
            where.append(" and s.user_id = :me");
            params.put("me", user.id());
        }
        if (wantedState != null) {
            where.append(" and s.state = :state");
            params.put("state", wantedState);
        }
        if (person != null) {
            where.append(" and s.user_id = :person");
            params.put("person", person);
        }
        List<TimesheetSubmission> found = jdbc.sql(SELECT + where
                        + " order by case s.state when 'SUBMITTED' then 0 else 1 end, s.week_start desc, s.id desc"
                        + " limit 500")
                .params(params)
                .query(TimesheetApprovals::submission)
                .list();
        return withEntries(found);
    }

    @Transactional(readOnly = true)
    public TimesheetSubmission get(CurrentUser user, String projectRef, long id) {
        ProjectAccess access = projects.access(user, projectRef);
        TimesheetSubmission submission = inProject(access, id);
        if (submission.userId() != user.id() && !access.can(Permission.SEE_COSTS)) {
            throw new Forbidden("Only owners and managers of project " + access.key() + " see others' time.");
        }
        return submission;
    }

    /** Approves a submitted week: its entries stay locked and count as actual work. */
    @Transactional
    public TimesheetSubmission approve(CurrentUser user, String projectRef, long id, TimesheetDecision decision) {
        return decide(user, projectRef, id, decision, true);
    }

    /** Rejects a submitted week with a reason: its entries open again for the person to correct. */
    @Transactional
    public TimesheetSubmission reject(CurrentUser user, String projectRef, long id, TimesheetDecision decision) {
        return decide(user, projectRef, id, decision, false);
    }

    private TimesheetSubmission decide(
            CurrentUser user, String projectRef, long id, TimesheetDecision decision, boolean approve) {
        ProjectAccess access = projects.access(user, projectRef);
        TimesheetSubmission current = inProject(access, id);
        access.require(Permission.SEE_COSTS);
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (decision == null || decision.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        String reason = decision == null || decision.reason() == null
                ? ""
                : decision.reason().strip();
        if (!approve && reason.isEmpty()) {
            problems.add("reason", "is required: tell the person what to correct");
        } else if (reason.length() > MAXIMUM_REASON) {
            problems.add("reason", "must be at most " + MAXIMUM_REASON + " characters");
        } else if (reason.indexOf('\0') >= 0) {
            problems.add("reason", "must not contain NUL characters");
        }
        problems.throwIfAny();
        if (!"SUBMITTED".equals(current.state())) {
            throw new Conflict(
                    "Already decided",
                    "This week was already " + current.state().toLowerCase() + "; only a submitted week can be "
                            + (approve ? "approved." : "rejected."),
                    Map.of("current", current));
        }
        int updated = jdbc.sql("""
                update timesheet_submission set state = :state, decided_by = :me, decided_at = now(),
                reason = :reason, version = version + 1 where id = :id and version = :version
                """)
                .param("state", approve ? "APPROVED" : "REJECTED")
                .param("me", user.id())
                .param("reason", reason)
                .param("id", id)
                .param("version", decision.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("The submitted week", current);
        }
        jdbc.sql("""
                update time_entry set state = :state, version = version + 1, updated_at = now()
                where submission_id = :id and state = 'SUBMITTED'
                """)
                .param("state", approve ? "APPROVED" : "OPEN")
                .param("id", id)
                .update();
        TimesheetSubmission decided = find(id);
        events.publishEvent(new TimesheetDecided(
                decided.projectId(),
                decided.id(),
                decided.userId(),
                user.id(),
                decided.weekStart(),
                approve,
                reason,
                decided.entries().stream().map(TimeEntry::taskId).distinct().toList()));
        return decided;
    }

    /** The caller's submissions of a week, in every project, for the timesheet page. */
    @Transactional(readOnly = true)
    public List<TimesheetSubmission> mine(CurrentUser user, LocalDate anyDay) {
        LocalDate monday = TimesheetService.monday(anyDay);
        return jdbc.sql(SELECT + " where s.user_id = ? and s.week_start = ? order by p.project_key, s.id desc")
                .params(user.id(), monday)
                .query(TimesheetApprovals::submission)
                .list();
    }

    // ----- time settings -----

    @Transactional(readOnly = true)
    public TimeSettings settings(CurrentUser user, String projectRef) {
        return settings(projects.access(user, projectRef).projectId());
    }

    TimeSettings settings(long projectId) {
        return jdbc.sql("""
                select locked_before, actuals, progress_from_hours, version from project_time_settings
                where project_id = ?
                """)
                .params(projectId)
                .query((rs, n) -> new TimeSettings(
                        rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBoolean(3), rs.getInt(4)))
                .optional()
                .orElse(new TimeSettings(null, "APPROVED", false, 0));
    }

    /** Owners and system admins set the locked period and how hours become actual work. */
    @Transactional
    public TimeSettings changeSettings(CurrentUser user, String projectRef, TimeSettings change) {
        ProjectAccess access = projects.access(user, projectRef);
        if (!user.systemAdmin() && access.role() != ProjectRole.OWNER) {
            throw new Forbidden("Only owners of project " + access.key() + " and administrators change its time"
                    + " settings (they lock periods).");
        }
        access.require(Permission.EDIT_PROJECT);
        if (change == null) {
            throw new InvalidInput("body", "must be a JSON object");
        }
        InvalidInput.Collector problems = new InvalidInput.Collector();
        if (change.version() == null) {
            problems.add("version", "is required: send the version you last read");
        }
        String actuals =
                change.actuals() == null ? "APPROVED" : change.actuals().strip().toUpperCase();
        if (!actuals.equals("APPROVED") && !actuals.equals("ALL")) {
            problems.add("actuals", "must be APPROVED or ALL");
        }
        LocalDate lockedBefore = change.lockedBefore();
        if (lockedBefore != null && (lockedBefore.getYear() < 1900 || lockedBefore.getYear() > 2200)) {
            problems.add("lockedBefore", "must lie between 1900-01-01 and 2200-12-31");
        }
        problems.throwIfAny();
        TimeSettings current = settings(access.projectId());
        jdbc.sql("insert into project_time_settings (project_id) values (?) on conflict do nothing")
                .params(access.projectId())
                .update();
        int updated = jdbc.sql("""
                update project_time_settings set locked_before = :locked, actuals = :actuals,
                progress_from_hours = :progress, updated_by = :me, updated_at = now(), version = version
                + 1 where project_id = :project and version = :version
                """)
                .param("locked", lockedBefore)
                .param("actuals", actuals)
                .param("progress", Boolean.TRUE.equals(change.progressFromHours()))
                .param("me", user.id())
                .param("project", access.projectId())
                .param("version", change.version())
                .update();
        if (updated == 0) {
            throw new StaleVersion("The time settings of project " + access.key(), current);
        }
        TimeSettings changed = settings(access.projectId());
        events.publishEvent(new TimeSettingsChanged(access.projectId()));
        return changed;
    }

    // ----- reading -----

    private TimesheetSubmission inProject(ProjectAccess access, long id) {
        TimesheetSubmission submission = find(id);
        if (submission.projectId() != access.projectId()) {
            throw new NotFound("There is no submitted week " + id + " in project " + access.key() + ".");
        }
        return submission;
    }

    private TimesheetSubmission find(long id) {
        List<TimesheetSubmission> found = jdbc.sql(SELECT + " where s.id = ?")
                .params(id)
                .query(TimesheetApprovals::submission)
                .list();
        if (found.isEmpty()) {
            throw new NotFound("There is no submitted week " + id + ".");
        }
        return withEntries(found).get(0);
    }

    private List<TimesheetSubmission> withEntries(List<TimesheetSubmission> submissions) {
        if (submissions.isEmpty()) {
            return submissions;
        }
        Map<Long, List<TimeEntry>> bySubmission = new HashMap<>();
        for (TimeEntry entry : entries.ofSubmissions(
                submissions.stream().map(TimesheetSubmission::id).toList())) {
            bySubmission
                    .computeIfAbsent(entry.submissionId(), k -> new ArrayList<>())
                    .add(entry);
        }
        List<TimesheetSubmission> result = new ArrayList<>();
        for (TimesheetSubmission s : submissions) {
            result.add(new TimesheetSubmission(
                    s.id(),
                    s.projectId(),
                    s.projectKey(),
                    s.userId(),
                    s.userName(),
                    s.weekStart(),
                    s.state(),
                    s.hours(),
                    s.minutes(),
                    s.submittedAt(),
                    s.decidedById(),
                    s.decidedByName(),
                    s.decidedAt(),
                    s.reason(),
                    s.version(),
                    List.copyOf(bySubmission.getOrDefault(s.id(), List.of()))));
        }
        return result;
    }

    private static TimesheetSubmission submission(ResultSet rs, int row) throws SQLException {
        int minutes = rs.getInt("minutes");
        java.sql.Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new TimesheetSubmission(
                rs.getLong("id"),
                rs.getLong("project_id"),
                rs.getString("project_key"),
                rs.getLong("user_id"),
                rs.getString("user_name"),
                rs.getObject("week_start", LocalDate.class),
                rs.getString("state"),
                Hours.of(minutes),
                minutes,
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getObject("decided_by", Long.class),
                rs.getString("decided_by_name"),
                decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString("reason"),
                rs.getInt("version"),
                List.of());
    }
}
