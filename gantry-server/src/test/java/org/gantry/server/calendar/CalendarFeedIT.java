package org.gantry.server.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.gantry.server.api.GantryIntegrationTest;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.identity.UserAccount;
import org.gantry.server.identity.UserChanges;
import org.gantry.server.identity.UserService;
import org.gantry.server.project.NewMember;
import org.gantry.server.project.NewProject;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectRole;
import org.gantry.server.project.ProjectService;
import org.gantry.server.task.NewTask;
import org.gantry.server.task.Task;
import org.gantry.server.task.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The iCal feeds over HTTP, without logging in, parsed back with ical4j. Same Spring configuration as
 * the other integration tests, so one server and one embedded PostgreSQL serve them all; every test
 * makes its own people and projects.
 */
@GantryIntegrationTest
class CalendarFeedIT {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    UserService users;

    @Autowired
    ProjectService projects;

    @Autowired
    TaskService tasks;

    @Autowired
    CalendarFeeds feeds;

    @Test
    void aProjectFeedHasEveryDatedTaskAndMilestoneInTheProjectTimeZone() throws Exception {
        Project project = project("Europe/Berlin");
        Task design = tasks.create(admin(), project.key(), dated("Design", MONDAY, 3));
        Task launch = tasks.create(admin(), project.key(), milestone("Launch", MONDAY.plusDays(4)));

        HttpResponse<String> response = get(feeds.projectSecret(admin(), project.key()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar");
        Calendar calendar = parse(response.body());
        List<VEvent> events = calendar.getComponents(net.fortuna.ical4j.model.Component.VEVENT);
        assertThat(events).hasSize(2);

        VEvent task = event(events, "task-" + design.id() + "@gantry");
        assertThat(value(task, Property.SUMMARY)).isEqualTo("1 Design");
        assertThat(task.getProperty(Property.DTSTART)
                        .orElseThrow()
                        .getParameter("TZID")
                        .orElseThrow()
                        .getValue())
                .isEqualTo("Europe/Berlin");
        ZonedDateTime start = (ZonedDateTime) task.getDateTimeStart().getDate();
        ZonedDateTime finish = (ZonedDateTime) task.getDateTimeEnd().getDate();
        assertThat(start.toLocalDateTime()).isEqualTo(MONDAY.atTime(8, 0));
        // ical4j parses the zone from the feed's own VTIMEZONE (under an id of its own), so check the
        // instant: 08:00 in Berlin in March (CET, UTC+1) is 07:00 UTC.
        assertThat(start.toInstant()).isEqualTo(java.time.Instant.parse("2026-03-02T07:00:00Z"));
        assertThat(finish.toLocalDateTime()).isEqualTo(MONDAY.plusDays(2).atTime(17, 0));
        assertThat(value(task, Property.DESCRIPTION))
                .contains("Status: To do", "0 % complete", "/projects/" + project.key());
        assertThat(task.getProperty(Property.LAST_MODIFIED)).isPresent();
        List<VTimeZone> zones = calendar.getComponents(net.fortuna.ical4j.model.Component.VTIMEZONE);
        assertThat(zones).extracting(zone -> zone.getTimeZoneId().getValue()).contains("Europe/Berlin");

        VEvent milestone = event(events, "task-" + launch.id() + "@gantry");
        assertThat(milestone.getDateTimeStart().getDate()).isEqualTo(MONDAY.plusDays(4));
        assertThat(milestone.getDateTimeEnd().getDate()).isEqualTo(MONDAY.plusDays(5));
    }

    @Test
    void regeneratingAFeedShutsTheOldAddress() throws Exception {
        Project project = project("UTC");
        String old = feeds.projectSecret(admin(), project.key());
        assertThat(feeds.projectSecret(admin(), project.key()))
                .as("the address stays until regenerated")
                .isEqualTo(old);

        String fresh = feeds.regenerateProjectSecret(admin(), project.key());

        assertThat(fresh).isNotEqualTo(old);
        assertThat(get(old).statusCode()).isEqualTo(404);
        assertThat(get(fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void aPersonalFeedHasOnlyTheirAssignmentsInProjectsTheyStillBelongTo() throws Exception {
        CurrentUser ana = invite("Ana");
        CurrentUser ben = invite("Ben");
        Project kept = project("UTC");
        Project left = project("UTC");
        Project outsider = project("UTC");
        for (Project project : List.of(kept, left)) {
            projects.addMember(admin(), project.key(), new NewMember(ana.id(), null, ProjectRole.MEMBER));
            projects.addMember(admin(), project.key(), new NewMember(ben.id(), null, ProjectRole.MEMBER));
        }
        Task mine = tasks.create(admin(), kept.key(), assigned(dated("Mine", MONDAY, 1), ana));
        tasks.create(admin(), kept.key(), assigned(dated("Ben's", MONDAY, 1), ben));
        tasks.create(admin(), left.key(), assigned(dated("Mine, but I left", MONDAY, 1), ana));
        tasks.create(admin(), outsider.key(), dated("Not my project", MONDAY, 1));
        projects.removeMember(admin(), left.key(), ana.id());

        Calendar calendar = parse(get(feeds.personalSecret(ana)).body());

        List<VEvent> events = calendar.getComponents(net.fortuna.ical4j.model.Component.VEVENT);
        assertThat(events)
                .extracting(event -> value(event, Property.UID))
                .containsExactly("task-" + mine.id() + "@gantry");
        assertThat(value(events.get(0), Property.SUMMARY)).isEqualTo(kept.key() + " 1 Mine");
    }

    @Test
    void aRemovedMembersProjectFeedAddressStopsAnswering() throws Exception {
        CurrentUser ana = invite("Ana");
        Project project = project("UTC");
        projects.addMember(admin(), project.key(), new NewMember(ana.id(), null, ProjectRole.MEMBER));
        String shownToAna = feeds.projectSecret(ana, project.key());
        assertThat(get(shownToAna).statusCode()).isEqualTo(200);

        projects.removeMember(admin(), project.key(), ana.id());

        assertThat(get(shownToAna).statusCode()).isEqualTo(404);
        String forTheOthers = feeds.projectSecret(admin(), project.key());
        assertThat(forTheOthers).isNotEqualTo(shownToAna);
        assertThat(get(forTheOthers).statusCode()).isEqualTo(200);
    }

    @Test
    void aDeactivatedPersonsFeedAnswers404() throws Exception {
        CurrentUser ana = invite("Ana");
        String secret = feeds.personalSecret(ana);
        assertThat(get(secret).statusCode()).isEqualTo(200);
        UserAccount account = users.get(admin(), ana.id());

        users.update(admin(), ana.id(), new UserChanges(null, null, false, account.version(), null));

        assertThat(get(secret).statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownAddressAnswers404WithoutAskingForALogin() throws Exception {
        HttpResponse<String> response = get("no-such-secret");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("BEGIN:VCALENDAR");
    }

    @Test
    void anArchivedProjectsFeedStillAnswers() throws Exception {
        Project project = project("UTC");
        tasks.create(admin(), project.key(), dated("Done long ago", MONDAY, 1));
        String secret = feeds.projectSecret(admin(), project.key());

        projects.archive(admin(), project.key(), project.version());

        HttpResponse<String> response = get(secret);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(parse(response.body()).getComponents(net.fortuna.ical4j.model.Component.VEVENT))
                .hasSize(1);
    }

    private HttpResponse<String> get(String secret) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ical/" + secret + ".ics"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Calendar parse(String body) throws Exception {
        return new CalendarBuilder().build(new StringReader(body));
    }

    private static VEvent event(List<VEvent> events, String uid) {
        return events.stream()
                .filter(event -> uid.equals(value(event, Property.UID)))
                .findFirst()
                .orElseThrow();
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }

    private CurrentUser admin() {
        UserAccount admin = users.findByEmail("admin@gantry.test").orElseThrow();
        return new CurrentUser(admin.id(), admin.email(), admin.name(), true);
    }

    private CurrentUser invite(String name) {
        String email = name.toLowerCase(Locale.ROOT) + "." + unique().toLowerCase(Locale.ROOT) + "@example.test";
        UserAccount account = users.invite(admin(), new org.gantry.server.identity.NewUser(email, name, false))
                .user();
        return new CurrentUser(account.id(), account.email(), account.name(), false);
    }

    private Project project(String timeZone) {
        return projects.create(
                admin(), new NewProject("C" + unique(), "Calendar " + unique(), null, MONDAY, timeZone, null, null));
    }

    private static NewTask dated(String name, LocalDate start, int days) {
        return new NewTask(
                name,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                days + "d",
                null,
                null,
                start.atTime(8, 0),
                start.plusDays(days - 1).atTime(17, 0),
                null,
                null);
    }

    private static NewTask milestone(String name, LocalDate day) {
        LocalDateTime at = day.atTime(17, 0);
        return new NewTask(name, null, null, null, true, null, null, null, null, null, null, null, at, at, null, null);
    }

    private static NewTask assigned(NewTask task, CurrentUser person) {
        return new NewTask(
                task.name(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(person.id()),
                task.duration(),
                null,
                null,
                task.start(),
                task.finish(),
                null,
                null);
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase(Locale.ROOT);
    }
}
