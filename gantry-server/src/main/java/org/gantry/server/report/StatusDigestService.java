package org.gantry.server.report;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gantry.server.dashboard.Dashboard;
import org.gantry.server.dashboard.DashboardService;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.gantry.server.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scheduled status digests: owners and managers schedule, list and cancel them; {@link #sendDue} (run by the
 * db-scheduler job of {@link StatusDigestConfiguration}) mails every digest whose time has come. Each is
 * claimed by moving its {@code next_send_at} to the next occurrence with a compare-and-set before it is
 * sent, so two servers running the job at once cannot both send one occurrence. A send that fails is logged
 * and not repeated: the next occurrence brings the next digest (a stakeholder mail hours late helps nobody).
 */
@Service
class StatusDigestService {

    private static final Logger LOG = LoggerFactory.getLogger(StatusDigestService.class);
    static final int MAXIMUM_RECIPIENTS = 50;
    private static final Pattern EMAIL =
            Pattern.compile("^[^@\\s\\x00-\\x1f]{1,64}@[^@\\s\\x00-\\x1f]{1,190}\\.[^@\\s\\x00-\\x1f.]{2,}$");
    /** A digest reads one project with an identity that is no person; it mails the stakeholder view. */
    private static final CurrentUser DIGEST_READER = new CurrentUser(0, "digest@gantry", "Status digest", true);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final DashboardService dashboards;
    private final StatusReportService reports;
    private final StatusReportPdf pdf;
    private final ObjectProvider<JavaMailSender> senders;
    private final Environment environment;
    private final String from;
    private final String baseUrl;

    StatusDigestService(
            JdbcClient jdbc,
            ProjectService projects,
            DashboardService dashboards,
            StatusReportService reports,
            StatusReportPdf pdf,
            ObjectProvider<JavaMailSender> senders,
            Environment environment,
            @Value("${gantry.smtp.from:gantry@localhost}") String from,
            @Value("${gantry.base-url:}") String baseUrl) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.dashboards = dashboards;
        this.reports = reports;
        this.pdf = pdf;
        this.senders = senders;
        this.environment = environment;
        this.from = from;
        this.baseUrl = baseUrl;
    }

    // ----- owners and managers -----

    @Transactional(readOnly = true)
    public List<StatusDigest> list(CurrentUser user, String projectRef) {
        ProjectAccess access = manager(user, projectRef);
        return jdbc.sql(SELECT + " where d.project_id = ? order by d.id")
                .param(access.projectId())
                .query(StatusDigestService::digest)
                .list();
    }

    @Transactional
    public StatusDigest create(CurrentUser user, String projectRef, NewStatusDigest body) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.EDIT_PROJECT);
        NewStatusDigest wanted = body == null ? new NewStatusDigest(null, null, null, null, null, null) : body;
        var problems = new InvalidInput.Collector();
        List<String> recipients = new ArrayList<>();
        if (wanted.recipients() == null || wanted.recipients().isEmpty()) {
            problems.add("recipients", "is required: at least one e-mail address");
        } else if (wanted.recipients().size() > MAXIMUM_RECIPIENTS) {
            problems.add("recipients", "must be at most " + MAXIMUM_RECIPIENTS + " addresses");
        } else {
            for (int i = 0; i < wanted.recipients().size(); i++) {
                String address = wanted.recipients().get(i);
                String trimmed = address == null ? "" : address.strip();
                if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
                    problems.add("recipients[" + i + "]", "must be an e-mail address such as ana@example.com");
                } else if (!recipients.contains(trimmed.toLowerCase(Locale.ROOT))) {
                    recipients.add(trimmed.toLowerCase(Locale.ROOT));
                }
            }
        }
        String cadence = upper(wanted.cadence());
        if (cadence == null) {
            problems.add("cadence", "is required: DAILY or WEEKLY");
        } else if (!cadence.equals("DAILY") && !cadence.equals("WEEKLY")) {
            problems.add("cadence", "must be DAILY or WEEKLY");
        }
        String weekday = upper(wanted.weekday());
        DayOfWeek day = null;
        if ("WEEKLY".equals(cadence)) {
            if (weekday == null) {
                problems.add("weekday", "is required for a weekly digest: MONDAY to SUNDAY");
            } else {
                try {
                    day = DayOfWeek.valueOf(weekday);
                } catch (IllegalArgumentException e) {
                    problems.add("weekday", "must be MONDAY to SUNDAY");
                }
            }
        } else if ("DAILY".equals(cadence) && weekday != null) {
            problems.add("weekday", "is only for a weekly digest");
        }
        if (wanted.sendAt() == null) {
            problems.add("sendAt", "is required: a time of day such as 08:00");
        }
        ZoneId zone = access.timeZone();
        if (wanted.timeZone() != null && !wanted.timeZone().isBlank()) {
            try {
                zone = ZoneId.of(wanted.timeZone().strip());
            } catch (DateTimeException e) {
                problems.add("timeZone", "must be a time zone such as Europe/Berlin");
            }
        }
        String content = upper(wanted.content()) == null ? "DASHBOARD" : upper(wanted.content());
        if (!content.equals("DASHBOARD") && !content.equals("REPORT")) {
            problems.add("content", "must be DASHBOARD or REPORT");
        }
        problems.throwIfAny();
        LocalTime sendAt = wanted.sendAt().withSecond(0).withNano(0);
        Instant next = nextOccurrence(Instant.now(), zone, day, sendAt);
        long id = jdbc.sql("""
                insert into status_digest (project_id, recipients, cadence, weekday, send_time, time_zone,
                content, next_send_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
                .params(
                        access.projectId(),
                        recipients.toArray(String[]::new),
                        cadence,
                        day == null ? null : day.name(),
                        sendAt,
                        zone.getId(),
                        content,
                        Timestamp.from(next),
                        user.id())
                .query(Long.class)
                .single();
        return find(access, id);
    }

    @Transactional
    public void delete(CurrentUser user, String projectRef, long digestId) {
        ProjectAccess access = manager(user, projectRef);
        find(access, digestId);
        jdbc.sql("delete from status_digest where id = ? and project_id = ?")
                .params(digestId, access.projectId())
                .update();
    }

    private ProjectAccess manager(CurrentUser user, String projectRef) {
        ProjectAccess access = projects.access(user, projectRef);
        if (!access.can(Permission.EDIT_PROJECT)) {
            throw new Forbidden("Status digests are for the owners and managers of project " + access.key() + ".");
        }
        return access;
    }

    private StatusDigest find(ProjectAccess access, long id) {
        return jdbc.sql(SELECT + " where d.id = ? and d.project_id = ?")
                .params(id, access.projectId())
                .query(StatusDigestService::digest)
                .optional()
                .orElseThrow(() -> new NotFound("Project " + access.key() + " has no status digest " + id + "."));
    }

    private static final String SELECT = """
        select d.id, p.project_key, d.recipients, d.cadence, d.weekday,
        d.send_time, d.time_zone, d.content, d.next_send_at, d.last_sent_at, c.name as created_by_name,
        d.version from status_digest d join project p on p.id = d.project_id
        left join app_user c on c.id = d.created_by
        """;

    private static StatusDigest digest(ResultSet rs, int row) throws SQLException {
        return new StatusDigest(
                rs.getLong("id"),
                rs.getString("project_key"),
                Arrays.asList((String[]) rs.getArray("recipients").getArray()),
                rs.getString("cadence"),
                rs.getString("weekday"),
                rs.getObject("send_time", LocalTime.class),
                rs.getString("time_zone"),
                rs.getString("content"),
                instant(rs, "next_send_at"),
                instant(rs, "last_sent_at"),
                rs.getString("created_by_name"),
                rs.getInt("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.time.OffsetDateTime value = rs.getObject(column, java.time.OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String upper(String text) {
        return text == null || text.isBlank() ? null : text.strip().toUpperCase(Locale.ROOT);
    }

    /** The first time after {@code after} that is {@code at} in {@code zone}, on {@code weekday} if given. */
    static Instant nextOccurrence(Instant after, ZoneId zone, DayOfWeek weekday, LocalTime at) {
        LocalDate day = after.atZone(zone).toLocalDate();
        for (int i = 0; i <= 8; i++) {
            LocalDate candidate = day.plusDays(i);
            if (weekday != null && candidate.getDayOfWeek() != weekday) {
                continue;
            }
            // A time skipped by a daylight-saving change moves on by the gap, as ZonedDateTime.of does.
            Instant at0 = ZonedDateTime.of(candidate, at, zone).toInstant();
            if (at0.isAfter(after)) {
                return at0;
            }
        }
        throw new IllegalStateException("no occurrence within 8 days");
    }

    // ----- the job -----

    /** Sends every digest that is due; returns how many went out. */
    public int sendDue() {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        record Due(long id, Instant nextSendAt, String zone, String weekday, LocalTime sendAt) {}
        List<Due> due = jdbc.sql("""
                select id, next_send_at, time_zone, weekday, send_time from status_digest
                where next_send_at <= now() order by next_send_at limit 100
                """)
                .query((rs, n) -> new Due(
                        rs.getLong(1),
                        instant(rs, "next_send_at"),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalTime.class)))
                .list();
        int sent = 0;
        for (Due digest : due) {
            Instant next = nextOccurrence(
                    Instant.now(),
                    ZoneId.of(digest.zone()),
                    digest.weekday() == null ? null : DayOfWeek.valueOf(digest.weekday()),
                    digest.sendAt());
            // The claim: only the server whose update moves this occurrence on sends it.
            int claimed = jdbc.sql("""
                    update status_digest set next_send_at = ?, last_sent_at = now()
                    where id = ? and next_send_at = ?
                    """)
                    .params(Timestamp.from(next), digest.id(), Timestamp.from(digest.nextSendAt()))
                    .update();
            if (claimed == 0) {
                continue;
            }
            try {
                send(sender, digest.id());
                sent++;
            } catch (MessagingException | RuntimeException e) {
                LOG.warn("Status digest {} could not be sent: {}", digest.id(), e.toString());
            }
        }
        return sent;
    }

    private void send(JavaMailSender sender, long digestId) throws MessagingException {
        record Row(long projectId, String key, List<String> recipients, String content, String zone) {}
        Optional<Row> found = jdbc.sql("""
                select d.project_id, p.project_key, d.recipients, d.content, d.time_zone
                from status_digest d join project p on p.id = d.project_id where d.id = ?
                """)
                .param(digestId)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        Arrays.asList((String[]) rs.getArray(3).getArray()),
                        rs.getString(4),
                        rs.getString(5)))
                .optional();
        if (found.isEmpty()) {
            return;
        }
        Row row = found.get();
        Project project = projects.get(DIGEST_READER, Long.toString(row.projectId()));
        String today = DAY.format(LocalDate.now(ZoneId.of(row.zone())));
        Long reportId = row.content().equals("REPORT")
                ? jdbc.sql("""
                        select id from status_report where project_id = ? and state = 'PUBLISHED'
                        order by status_date desc, id desc limit 1
                        """)
                        .param(row.projectId())
                        .query(Long.class)
                        .optional()
                        .orElse(null)
                : null;
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper mail = new MimeMessageHelper(message, reportId != null, "UTF-8");
        mail.setFrom(from);
        mail.setTo(row.recipients().toArray(String[]::new));
        if (reportId != null) {
            StatusReport report =
                    reports.published(ShareLinkService.stakeholderView(row.projectId(), row.key()), reportId);
            mail.setSubject("[Gantry] " + project.key() + " status report: " + report.title());
            mail.setText(reportText(project, report));
            mail.addAttachment(
                    project.key() + "-status-report-" + report.statusDate().toLocalDate() + ".pdf",
                    new ByteArrayResource(pdf.render(report)),
                    "application/pdf");
        } else {
            Dashboard dashboard = StatusReportService.withoutCosts(dashboards.dashboard(DIGEST_READER, project.key()));
            mail.setSubject("[Gantry] " + project.key() + " status digest, " + today);
            mail.setText(dashboardText(project, dashboard, row.content().equals("REPORT")));
        }
        sender.send(message);
    }

    private String reportText(Project project, StatusReport report) {
        StringBuilder text = new StringBuilder();
        text.append(project.name())
                .append(": ")
                .append(report.title())
                .append(" (report date ")
                .append(report.statusDate().toLocalDate())
                .append(")\n\n");
        for (StatusReport.Area area : report.areas()) {
            text.append(capitalised(area.area()))
                    .append(": ")
                    .append(colour(area.rag()))
                    .append(area.comment() == null || area.comment().isBlank() ? "" : " - " + area.comment())
                    .append("\n");
        }
        if (report.summary() != null && !report.summary().isBlank()) {
            text.append("\n").append(report.summary()).append("\n");
        }
        text.append("\nThe whole report is attached as a PDF.\n");
        return text.append(footer(project)).toString();
    }

    private String dashboardText(Project project, Dashboard d, boolean noReportYet) {
        StringBuilder text = new StringBuilder();
        text.append(project.name()).append(" (").append(project.key()).append(")");
        text.append(", measured at the ")
                .append(d.asOfSource())
                .append(" ")
                .append(d.asOf().toLocalDate());
        text.append("\n\n");
        if (noReportYet) {
            text.append("No status report is published yet; these are the dashboard's figures.\n\n");
        }
        text.append("Health\n");
        for (Dashboard.Health h : d.health()) {
            text.append("- ")
                    .append(capitalised(h.area()))
                    .append(": ")
                    .append(colour(h.colour()))
                    .append(". ")
                    .append(h.reason())
                    .append("\n");
        }
        text.append("\n% complete: planned ")
                .append(
                        d.progress().plannedPercent() == null
                                ? "-"
                                : d.progress().plannedPercent() + " %")
                .append(", actual ")
                .append(
                        d.progress().actualPercent() == null
                                ? "-"
                                : d.progress().actualPercent() + " %")
                .append("\n");
        text.append("Finish: ")
                .append(d.finish().finish() == null ? "-" : d.finish().finish().toLocalDate())
                .append(
                        d.finish().baselineFinish() == null
                                ? " (no baseline)"
                                : " (baseline " + d.finish().baselineFinish().toLocalDate() + ", slip "
                                        + d.finish().slipDays() + " working days)")
                .append("\n");
        text.append("Late tasks: ")
                .append(d.tasks().late())
                .append("; due this week: ")
                .append(d.tasks().dueThisWeek())
                .append("\n");
        text.append("Open threats: ")
                .append(d.risk().open())
                .append(" (")
                .append(d.risk().atOrAboveScore())
                .append(" scoring ")
                .append(d.risk().score())
                .append(" or more)\n");
        if (!d.milestones().next().isEmpty()) {
            text.append("\nNext milestones\n");
            d.milestones().next().stream().limit(5).forEach(m -> text.append("- ")
                    .append(m.name())
                    .append(": ")
                    .append(m.finish().toLocalDate())
                    .append("\n"));
        }
        return text.append(footer(project)).toString();
    }

    private String footer(Project project) {
        return "\n-- \nGantry status digest for " + project.name() + ". The project's owners and managers"
                + " schedule it at " + base() + "/projects/" + project.key() + "/share-links\n";
    }

    private static String colour(String colour) {
        return colour.equals("GREY") ? "not judged" : colour.toLowerCase(Locale.ROOT);
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private String base() {
        if (!baseUrl.isBlank()) {
            return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        }
        return "http://localhost:"
                + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
