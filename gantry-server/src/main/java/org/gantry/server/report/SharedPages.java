package org.gantry.server.report;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.gantry.server.dashboard.Dashboard;
import org.gantry.server.dashboard.DashboardService;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What a share link opens, for visitors without an account ({@code /share/{token}}, its own security chain
 * in {@link ShareSecurity}): the project's dashboard, its Gantt chart (drawn by the server: the Gantt page's
 * script reads the API, which a link never reaches) or one published status report, read-only, as the
 * project's stakeholders see it (costs hidden), in a page with no navigation, no forms other than the
 * password and no address of anything else in Gantry. A report link also downloads the report's PDF. The
 * page refreshes itself every minute (static/js/share.js): the live stream belongs to the API, which a link
 * never reaches.
 */
@Controller
class SharedPages {

    /**
     * Reads one project for a link: the services see a reader allowed everywhere (like the iCal feed's), so the
     * link's own checks above are the permission, and what is shown is cut down to the stakeholder view.
     */
    private static final CurrentUser LINK_READER = new CurrentUser(0, "share-link@gantry", "Share link", true);

    private static final String UNLOCK_COOKIE = "gantry-share-";

    private final ShareLinkService links;
    private final ProjectService projects;
    private final DashboardService dashboards;
    private final StatusReportService reports;
    private final StatusReportPdf pdf;
    private final GanttExcerpts gantt;
    private final JdbcClient jdbc;
    private final int refreshSeconds;

    SharedPages(
            ShareLinkService links,
            ProjectService projects,
            DashboardService dashboards,
            StatusReportService reports,
            StatusReportPdf pdf,
            GanttExcerpts gantt,
            JdbcClient jdbc,
            @Value("${gantry.share.refresh-seconds:60}") int refreshSeconds) {
        this.links = links;
        this.projects = projects;
        this.dashboards = dashboards;
        this.reports = reports;
        this.pdf = pdf;
        this.gantt = gantt;
        this.jdbc = jdbc;
        this.refreshSeconds = refreshSeconds;
    }

    @GetMapping("/share/{token}")
    String open(@PathVariable String token, HttpServletRequest request, Model model) {
        ShareLinkService.Resolved link = links.resolve(token);
        if (!unlocked(link, request)) {
            return passwordForm(token, null, model);
        }
        if (request.getHeader("X-Gantry-Background") == null) {
            links.recordOpening(link);
        }
        Project project = projects.get(LINK_READER, Long.toString(link.projectId()));
        model.addAttribute("project", project);
        model.addAttribute("token", token);
        model.addAttribute("refreshSeconds", refreshSeconds);
        if (link.target().equals("REPORT")) {
            StatusReport report = reports.published(ShareLinkService.stakeholderView(link), link.reportId());
            model.addAttribute("report", report);
            model.addAttribute("snapshot", report.snapshot());
            model.addAttribute("dashboard", report.snapshot().dashboard());
            return "share/report";
        }
        if (link.target().equals("GANTT")) {
            model.addAttribute("gantt", gantt.wholePlan(link.projectId(), 0, asOf(link.projectId(), project)));
            return "share/gantt";
        }
        Dashboard dashboard = StatusReportService.withoutCosts(dashboards.dashboard(LINK_READER, project.key()));
        model.addAttribute("dashboard", dashboard);
        return "share/dashboard";
    }

    /** The password form's answer: the right password unlocks the link in this browser (a cookie). */
    @PostMapping("/share/{token}")
    String unlock(
            @PathVariable String token,
            @RequestParam(required = false) String password,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        ShareLinkService.Resolved link = links.resolve(token);
        if (link.passwordHash() == null) {
            return "redirect:/share/" + token;
        }
        if (!links.unlock(link, password)) {
            response.setStatus(HttpServletResponse.SC_OK);
            return passwordForm(token, "That password is not right. Ask the person who sent you the link.", model);
        }
        Cookie cookie = new Cookie(UNLOCK_COOKIE + link.id(), link.unlockProof());
        cookie.setPath("/share/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return "redirect:/share/" + token;
    }

    @GetMapping("/share/{token}/report.pdf")
    ResponseEntity<byte[]> reportPdf(@PathVariable String token, HttpServletRequest request) {
        ShareLinkService.Resolved link = links.resolve(token);
        if (!link.target().equals("REPORT") || !unlocked(link, request)) {
            throw new ShareLinkService.Unavailable(404, "There is no such download.");
        }
        StatusReport report = reports.published(ShareLinkService.stakeholderView(link), link.reportId());
        String name = report.project() + "-status-report-" + report.statusDate().toLocalDate() + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(pdf.render(report));
    }

    @ExceptionHandler(ShareLinkService.Unavailable.class)
    String unavailable(ShareLinkService.Unavailable e, HttpServletResponse response, Model model) {
        response.setStatus(e.status());
        model.addAttribute("status", e.status());
        model.addAttribute(
                "title",
                switch (e.status()) {
                    case 404 -> "Link not found";
                    case 410 -> "Link no longer open";
                    default -> "Please wait";
                });
        model.addAttribute("detail", e.getMessage());
        return "share/unavailable";
    }

    /** The project or report went away while the link stayed (a report is deleted with its links: rare). */
    @ExceptionHandler(NotFound.class)
    String gone(NotFound e, HttpServletResponse response, Model model) {
        return unavailable(
                new ShareLinkService.Unavailable(404, "What this link showed is no longer there."), response, model);
    }

    /** The line across a shared Gantt chart: the project's status date, else now where the project is. */
    private LocalDateTime asOf(long projectId, Project project) {
        return jdbc.sql("select status_date from project where id = ?")
                .param(projectId)
                .query((rs, n) -> rs.getObject(1, LocalDateTime.class))
                .optional()
                .orElseGet(() -> LocalDateTime.now(
                                project.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(project.timeZone()))
                        .withSecond(0)
                        .withNano(0));
    }

    private static String passwordForm(String token, String error, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("error", error);
        return "share/password";
    }

    private static boolean unlocked(ShareLinkService.Resolved link, HttpServletRequest request) {
        if (link.passwordHash() == null) {
            return true;
        }
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        byte[] proof = link.unlockProof().getBytes(StandardCharsets.UTF_8);
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(UNLOCK_COOKIE + link.id())
                    && MessageDigest.isEqual(proof, cookie.getValue().getBytes(StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }
}
