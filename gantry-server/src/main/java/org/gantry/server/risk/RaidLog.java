package org.gantry.server.risk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole RAID log of a project as the page and the export show it: the risks of the register (the log's
 * R) beside the assumptions, issues, dependencies and decisions. The filters are the list's, with RISK as a
 * fifth type and the risks' statuses among the statuses; a filter that only the other kind has leaves that
 * kind out (status MONITORING finds no decision, type DECISION no risk).
 */
@Service
class RaidLog {
    static final List<String> TYPES = List.of("RISK", "ASSUMPTION", "ISSUE", "DEPENDENCY", "DECISION");
    private static final int MAXIMUM_TEXT = 200;

    private final RaidService raid;
    private final RiskService risks;
    private final ProjectService projects;
    private final JdbcClient jdbc;

    RaidLog(RaidService raid, RiskService risks, ProjectService projects, JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.raid = raid;
        this.risks = risks;
        this.projects = projects;
    }

    /** What the log shows for one set of filters. */
    record Filtered(List<Risk> risks, List<RaidEntry> entries) {}

    /** The filters as typed (null or blank: not filtered), validated into upper-case values. */
    record Filters(String type, String status, Long owner, String text) {
        boolean wantsRisks() {
            return (type == null || type.equals("RISK")) && (status == null || RiskService.STATUSES.contains(status));
        }

        boolean wantsEntries() {
            return (type == null || !type.equals("RISK"))
                    && (status == null || RaidService.STATUSES.values().stream().anyMatch(s -> s.contains(status)));
        }

        boolean any() {
            return type != null || status != null || owner != null || text != null;
        }
    }

    static Filters filters(String type, String status, Long owner, String text) {
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String wantedType = upper(type);
        String wantedStatus = upper(status);
        if (wantedType != null && !TYPES.contains(wantedType)) {
            problems.add("type", "must be RISK, ASSUMPTION, ISSUE, DEPENDENCY or DECISION");
        }
        if (wantedStatus != null && !statuses().contains(wantedStatus)) {
            problems.add("status", "must be one of " + String.join(", ", statuses()));
        }
        String wantedText = text == null || text.isBlank() ? null : text.strip();
        if (wantedText != null && wantedText.length() > MAXIMUM_TEXT) {
            problems.add("text", "must be at most " + MAXIMUM_TEXT + " characters");
        }
        problems.throwIfAny();
        return new Filters(wantedType, wantedStatus, owner, wantedText);
    }

    /** Every status of every kind of entry, risks included, sorted. */
    static Set<String> statuses() {
        Set<String> all = new TreeSet<>(RiskService.STATUSES);
        RaidService.STATUSES.values().forEach(all::addAll);
        return all;
    }

    @Transactional(readOnly = true)
    Filtered read(CurrentUser user, String projectRef, Filters filters) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        return read(user, access, projectRef, filters);
    }

    Filtered read(CurrentUser user, ProjectAccess access, String projectRef, Filters filters) {
        List<Risk> shownRisks = new ArrayList<>();
        if (filters.wantsRisks()) {
            for (Risk risk : risks.list(user, projectRef, filters.status(), null, null, null, null, null)) {
                if (filters.owner() != null && !filters.owner().equals(risk.ownerId())) {
                    continue;
                }
                if (filters.text() != null
                        && !contains(
                                filters.text(),
                                risk.title(),
                                risk.cause(),
                                risk.event(),
                                risk.effect(),
                                risk.category())) {
                    continue;
                }
                shownRisks.add(risk);
            }
        }
        List<RaidEntry> entries = filters.wantsEntries()
                ? raid.query(
                        access,
                        filters.type() == null ? null : filters.type(),
                        filters.status(),
                        filters.owner(),
                        filters.text())
                : List.of();
        return new Filtered(shownRisks, entries);
    }

    /** The rows of the export and the project's key for the file name. */
    record Export(String projectKey, List<List<Object>> rows) {}

    @Transactional(readOnly = true)
    Export export(CurrentUser user, String projectRef, Filters filters) {
        ProjectAccess access = projects.access(user, projectRef).require(Permission.READ);
        Filtered filtered = read(user, access, projectRef, filters);
        return new Export(projects.get(user, projectRef).key(), RaidExport.rows(filtered, taskNames(access)));
    }

    /** Each task's WBS and name, for the links the log shows. */
    Map<Long, String> taskNames(ProjectAccess access) {
        Map<Long, String> names = new HashMap<>();
        jdbc.sql("select id, array_to_string(outline_path, '.') as wbs, name from task where project_id = :project")
                .param("project", access.projectId())
                .query((rs, row) -> names.put(rs.getLong(1), rs.getString(2) + " " + rs.getString(3)))
                .list();
        return names;
    }

    private static boolean contains(String wanted, String... values) {
        String needle = wanted.toLowerCase(Locale.ROOT);
        for (String value : values) {
            if (value != null && value.toLowerCase(Locale.ROOT).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
