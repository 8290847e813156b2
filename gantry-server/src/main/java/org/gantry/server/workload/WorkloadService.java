package org.gantry.server.workload;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gantry.engine.WorkingTime;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.gantry.server.project.ProjectWorkingTime;
import org.gantry.server.shared.Forbidden;
import org.gantry.server.shared.InvalidInput;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes workload tables. Who is a row: with a project, that project's work resources (people and
 * others, such as a rig); without one, people: everyone for an admin, for others themselves and the people
 * of the projects they own or manage. A person's numbers cover ALL their projects, since an overload
 * usually comes from two projects that each look fine.
 *
 * <p>Each assignment's work is spread evenly over the working days of its task (the project's working days
 * and holidays, less the person's or resource's time off), as Microsoft Project's flat contour does by day;
 * a person's capacity on a day is the largest of their resources' (that project's working hours x maximum
 * units), nothing on a day off. Everything is loaded in five queries and added up in memory, so the cost
 * grows with the number of assignments in range, not with people x periods x projects round trips.
 */
@Service
public class WorkloadService {
    private static final Map<String, Integer> MAXIMUM_PERIODS = Map.of("DAY", 92, "WEEK", 104, "MONTH", 36);
    private static final Map<String, Integer> DEFAULT_PERIODS = Map.of("DAY", 14, "WEEK", 12, "MONTH", 6);

    private final JdbcClient jdbc;
    private final ProjectService projects;
    private final ProjectWorkingTime workingTime;

    WorkloadService(JdbcClient jdbc, ProjectService projects, ProjectWorkingTime workingTime) {
        this.jdbc = jdbc;
        this.projects = projects;
        this.workingTime = workingTime;
    }

    /** A request as typed: every field may be null (defaults: this week on, 12 weeks, everyone visible). */
    public record Query(String project, LocalDate from, Integer periods, String scale, String tag) {}

    /** A work resource as the computation needs it. */
    private record ResourceRef(long id, Long userId, long projectId, double maxUnits, String name, List<String> tags) {}

    /** An assignment with its task's span. */
    private record Work(
            long assignmentId,
            int version,
            long resourceId,
            BigDecimal units,
            long minutes,
            long taskId,
            String taskName,
            LocalDateTime start,
            LocalDateTime finish,
            long projectId,
            int taskVersion,
            long levellingDelayMinutes) {}

    /**
     * A project's working time by day, as the engine counts it (its calendar with holidays, or the imported
     * calendar it follows): the same working time the project is scheduled on.
     */
    private record Calendar(String key, WorkingTime time, Map<LocalDate, Long> byDay) {
        Calendar(String key, WorkingTime time) {
            this(key, time, new HashMap<>());
        }

        long minutes(LocalDate day) {
            return byDay.computeIfAbsent(
                    day, d -> time.workBetween(d.atStartOfDay(), d.plusDays(1).atStartOfDay()));
        }
    }

    /** One entry of time off. */
    private record Absence(Long userId, Long resourceId, LocalDate first, LocalDate last, String weekdays) {
        boolean covers(LocalDate day) {
            return !day.isBefore(first)
                    && !day.isAfter(last)
                    && (weekdays == null
                            || weekdays.contains(
                                    String.valueOf(day.getDayOfWeek().getValue())));
        }
    }

    @Transactional(readOnly = true)
    public Workload workload(CurrentUser viewer, Query query) {
        long began = System.nanoTime();
        InvalidInput.Collector problems = new InvalidInput.Collector();
        String scale = query.scale() == null ? "WEEK" : query.scale().strip().toUpperCase(Locale.ROOT);
        if (!MAXIMUM_PERIODS.containsKey(scale)) {
            problems.add("scale", "must be DAY, WEEK or MONTH");
            scale = "WEEK";
        }
        int periods = query.periods() == null ? DEFAULT_PERIODS.get(scale) : query.periods();
        if (periods < 1 || periods > MAXIMUM_PERIODS.get(scale)) {
            problems.add("periods", "must be between 1 and " + MAXIMUM_PERIODS.get(scale) + " for " + scale);
        }
        LocalDate from = query.from() == null ? LocalDate.now() : query.from();
        if (from.getYear() < 1900 || from.getYear() > 2200) {
            problems.add("from", "must lie between 1900-01-01 and 2200-12-31");
        }
        String tag = query.tag() == null || query.tag().isBlank()
                ? null
                : query.tag().strip();
        if (tag != null && (tag.length() > 40 || tag.indexOf('\0') >= 0)) {
            problems.add("tag", "must be at most 40 characters");
        }
        problems.throwIfAny();
        List<Workload.Period> columns = periods(from, periods, scale);
        LocalDate start = columns.get(0).start();
        LocalDate end = columns.get(columns.size() - 1).end();

        String projectKey = null;
        List<ResourceRef> rowResources;
        Set<Long> readable;
        if (query.project() != null && !query.project().isBlank()) {
            ProjectAccess access = projects.access(viewer, query.project()).require(Permission.READ);
            if (!access.can(Permission.EDIT_PROJECT) && !viewer.systemAdmin()) {
                throw new Forbidden("The workload of project " + access.key()
                        + "'s people is for its owners and managers; your own is on /workload.");
            }
            projectKey = access.key();
            rowResources = resources("r.project_id = :project", Map.of("project", access.projectId()), tag);
        } else if (viewer.systemAdmin()) {
            rowResources = resources("r.user_id is not null", Map.of(), tag);
        } else {
            rowResources = resources(
                    "r.user_id is not null and (r.user_id = :viewer or exists (select 1 from project_member m"
                            + " where m.project_id = r.project_id and m.user_id = :viewer"
                            + " and m.role in ('OWNER', 'MANAGER')))",
                    Map.of("viewer", viewer.id()),
                    tag);
        }
        readable = viewer.systemAdmin()
                ? null
                : new HashSet<>(jdbc.sql("select project_id from project_member where user_id = :viewer")
                        .param("viewer", viewer.id())
                        .query(Long.class)
                        .list());

        // Rows: a person once (all their resources count), a resource without a person on its own.
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, TreeSet<String>> tags = new HashMap<>();
        Set<Long> users = new HashSet<>();
        Set<Long> lone = new HashSet<>();
        for (ResourceRef resource : rowResources) {
            String key = resource.userId() != null ? "user-" + resource.userId() : "resource-" + resource.id();
            names.putIfAbsent(key, resource.name());
            tags.computeIfAbsent(key, k -> new TreeSet<>()).addAll(resource.tags());
            if (resource.userId() != null) {
                users.add(resource.userId());
            } else {
                lone.add(resource.id());
            }
        }
        if (names.isEmpty()) {
            return new Workload(start, end, scale, projectKey, tag, columns, List.of(), elapsed(began));
        }
        // Every work resource behind the rows, in every open project: a person's load is all of it.
        List<ResourceRef> all = resources(
                "(r.user_id = any(:users) or r.id = any(:lone))",
                Map.of("users", users.toArray(Long[]::new), "lone", lone.toArray(Long[]::new)),
                null);
        Map<Long, ResourceRef> byId = new HashMap<>();
        Map<String, List<ResourceRef>> ofRow = new HashMap<>();
        for (ResourceRef resource : all) {
            byId.put(resource.id(), resource);
            ofRow.computeIfAbsent(rowKey(resource), k -> new ArrayList<>()).add(resource);
        }
        List<Work> works = jdbc.sql("""
                select a.id, a.version, a.resource_id, a.units, a.work_minutes, t.id, t.name,
                t.start_at, t.finish_at, t.project_id, t.version, a.levelling_delay_minutes
                from assignment a join task t on t.id = a.task_id
                where a.resource_id = any(:ids) and t.active and a.work_minutes > 0
                and t.start_at is not null and t.finish_at is not null
                and t.start_at < :after and t.finish_at >= :start
                and not exists (select 1 from task c where c.parent_id = t.id)
                """)
                .param("ids", byId.keySet().toArray(Long[]::new))
                .param("after", end.plusDays(1).atStartOfDay())
                .param("start", start.atStartOfDay())
                .query((rs, n) -> new Work(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getLong(3),
                        rs.getBigDecimal(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getString(7),
                        rs.getObject(8, LocalDateTime.class),
                        rs.getObject(9, LocalDateTime.class),
                        rs.getLong(10),
                        rs.getInt(11),
                        rs.getLong(12)))
                .list();
        LocalDate low = start;
        LocalDate high = end;
        for (Work work : works) {
            low = work.start().toLocalDate().isBefore(low) ? work.start().toLocalDate() : low;
            high = work.finish().toLocalDate().isAfter(high) ? work.finish().toLocalDate() : high;
        }
        Set<Long> projectIds = new HashSet<>();
        all.forEach(resource -> projectIds.add(resource.projectId()));
        Map<Long, Calendar> calendars = calendars(projectIds);
        List<Absence> absences = jdbc.sql("""
                select user_id, resource_id, first_day, last_day, weekdays from time_off
                where (user_id = any(:users) or resource_id = any(:ids)) and last_day >= :low
                and first_day <= :high
                """)
                .param("users", users.toArray(Long[]::new))
                .param("ids", byId.keySet().toArray(Long[]::new))
                .param("low", low)
                .param("high", high)
                .query((rs, n) -> new Absence(
                        (Long) rs.getObject(1),
                        (Long) rs.getObject(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5)))
                .list();
        Map<Long, List<Absence>> absencesOfUser = new HashMap<>();
        Map<Long, List<Absence>> absencesOfResource = new HashMap<>();
        for (Absence absence : absences) {
            if (absence.userId() != null) {
                absencesOfUser
                        .computeIfAbsent(absence.userId(), k -> new ArrayList<>())
                        .add(absence);
            } else {
                absencesOfResource
                        .computeIfAbsent(absence.resourceId(), k -> new ArrayList<>())
                        .add(absence);
            }
        }

        int days = (int) ChronoUnit.DAYS.between(start, end) + 1;
        int[] periodOf = new int[days];
        for (int p = 0; p < columns.size(); p++) {
            for (LocalDate d = columns.get(p).start(); !d.isAfter(columns.get(p).end()); d = d.plusDays(1)) {
                periodOf[(int) ChronoUnit.DAYS.between(start, d)] = p;
            }
        }
        Map<String, double[]> load = new HashMap<>();
        Map<String, Map<String, double[]>> lines = new HashMap<>();
        Map<String, Work> lineWork = new HashMap<>();
        for (Work work : works) {
            ResourceRef resource = byId.get(work.resourceId());
            Calendar calendar = calendars.get(work.projectId());
            List<LocalDate> workDays = new ArrayList<>();
            LocalDate last = work.finish().toLocalDate();
            LocalDate first = heldBack(work, calendar, last);
            if (work.finish().toLocalTime().equals(LocalTime.MIDNIGHT) && last.isAfter(first)) {
                last = last.minusDays(1);
            }
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                if (calendar.minutes(d) > 0 && !off(resource, d, absencesOfUser, absencesOfResource)) {
                    workDays.add(d);
                }
            }
            if (workDays.isEmpty()) {
                workDays.add(first);
            }
            double perDay = work.minutes() / (double) workDays.size();
            String key = rowKey(resource);
            double[] daily = load.computeIfAbsent(key, k -> new double[days]);
            boolean named = readable == null || readable.contains(work.projectId());
            String lineKey = named ? "a" + work.assignmentId() : "other";
            double[] line = lines.computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .computeIfAbsent(lineKey, k -> new double[columns.size()]);
            lineWork.putIfAbsent(key + "/" + lineKey, work);
            for (LocalDate d : workDays) {
                if (d.isBefore(start) || d.isAfter(end)) {
                    continue;
                }
                int index = (int) ChronoUnit.DAYS.between(start, d);
                daily[index] += perDay;
                line[periodOf[index]] += perDay;
            }
        }

        List<Workload.Row> rows = new ArrayList<>();
        for (Map.Entry<String, String> row : names.entrySet()) {
            String key = row.getKey();
            List<ResourceRef> resources = ofRow.getOrDefault(key, List.of());
            double[] capacity = new double[days];
            for (int i = 0; i < days; i++) {
                LocalDate day = start.plusDays(i);
                double best = 0;
                for (ResourceRef resource : resources) {
                    if (!off(resource, day, absencesOfUser, absencesOfResource)) {
                        best = Math.max(
                                best, calendars.get(resource.projectId()).minutes(day) * resource.maxUnits() / 100.0);
                    }
                }
                capacity[i] = best;
            }
            double[] daily = load.getOrDefault(key, new double[days]);
            double[] periodWork = new double[columns.size()];
            double[] periodCapacity = new double[columns.size()];
            int[] periodOver = new int[columns.size()];
            int overDays = 0;
            for (int i = 0; i < days; i++) {
                periodWork[periodOf[i]] += daily[i];
                periodCapacity[periodOf[i]] += capacity[i];
                if (daily[i] > capacity[i] + 1) {
                    periodOver[periodOf[i]]++;
                    overDays++;
                }
            }
            List<Workload.Cell> cells = new ArrayList<>(columns.size());
            for (int p = 0; p < columns.size(); p++) {
                cells.add(cell(Math.round(periodWork[p]), Math.round(periodCapacity[p]), periodOver[p]));
            }
            List<Workload.TaskLine> taskLines = new ArrayList<>();
            lines.getOrDefault(key, Map.of()).forEach((lineKey, minutes) -> {
                Work work = lineWork.get(key + "/" + lineKey);
                List<Long> rounded =
                        Arrays.stream(minutes).mapToObj(Math::round).toList();
                if (lineKey.equals("other")) {
                    taskLines.add(
                            new Workload.TaskLine(null, null, "Other projects", null, null, null, rounded, null, null));
                } else {
                    taskLines.add(new Workload.TaskLine(
                            calendars.get(work.projectId()).key(),
                            work.taskId(),
                            work.taskName(),
                            work.assignmentId(),
                            work.version(),
                            work.units().stripTrailingZeros().toPlainString() + " %",
                            rounded,
                            work.taskVersion(),
                            work.start()));
                }
            });
            taskLines.sort(Comparator.comparing((Workload.TaskLine line) -> line.taskId() == null ? 1 : 0)
                    .thenComparing(line -> line.projectKey() == null ? "" : line.projectKey())
                    .thenComparing(Workload.TaskLine::taskName));
            ResourceRef first = resources.isEmpty() ? null : resources.get(0);
            rows.add(new Workload.Row(
                    key,
                    row.getValue(),
                    first == null ? null : first.userId(),
                    key.startsWith("resource-") ? Long.valueOf(key.substring("resource-".length())) : null,
                    List.copyOf(tags.getOrDefault(key, new TreeSet<>())),
                    cells,
                    overDays,
                    taskLines));
        }
        rows.sort(Comparator.comparing((Workload.Row row) -> row.name().toLowerCase(Locale.ROOT))
                .thenComparing(Workload.Row::key));
        return new Workload(start, end, scale, projectKey, tag, columns, rows, elapsed(began));
    }

    /**
     * The tasks of a project on which a person or resource is over-allocated on at least one working day of
     * the task (day by day, across all their projects), with who: the list and the Gantt mark them.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<String>> overallocatedTasks(CurrentUser viewer, String projectRef) {
        ProjectAccess access = projects.access(viewer, projectRef).require(Permission.READ);
        LocalDate[] span = jdbc.sql("""
                select min(start_at)::date, max(finish_at)::date from task where project_id = :p
                and exists (select 1 from assignment a where a.task_id = task.id)
                """)
                .param("p", access.projectId())
                .query((rs, n) -> new LocalDate[] {rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)})
                .single();
        if (span[0] == null) {
            return Map.of();
        }
        LocalDate from = span[0];
        long length = ChronoUnit.DAYS.between(span[0], span[1]) + 1;
        int periods = (int) Math.min(length, 92);
        Map<Long, List<String>> over = new LinkedHashMap<>();
        // Day by day, in windows of up to 92 days over the project's assigned span (at most three years).
        CurrentUser asAdmin = new CurrentUser(viewer.id(), viewer.email(), viewer.name(), true);
        for (int window = 0; window < 12 && !from.isAfter(span[1]); window++) {
            Workload days = workload(asAdmin, new Query(access.key(), from, periods, "DAY", null));
            Map<Long, Set<String>> found = new HashMap<>();
            for (Workload.Row row : days.rows()) {
                for (Workload.TaskLine line : row.tasks()) {
                    if (line.taskId() == null || !access.key().equals(line.projectKey())) {
                        continue;
                    }
                    for (int p = 0; p < days.periods().size(); p++) {
                        if (line.minutes().get(p) > 0
                                && "OVER".equals(row.cells().get(p).state())) {
                            found.computeIfAbsent(line.taskId(), k -> new TreeSet<>())
                                    .add(row.name());
                        }
                    }
                }
            }
            found.forEach((task, people) -> over.merge(task, List.copyOf(people), (a, b) -> {
                TreeSet<String> both = new TreeSet<>(a);
                both.addAll(b);
                return List.copyOf(both);
            }));
            from = from.plusDays(periods);
        }
        return over;
    }

    /**
     * The day a resource's work on a task begins: the task's start day, or, where levelling held this
     * assignment back (adjusting individual assignments), the day its delay of working time ends, counted
     * in whole working days of the project calendar (never after the task's last day).
     */
    private static LocalDate heldBack(Work work, Calendar calendar, LocalDate last) {
        LocalDate day = work.start().toLocalDate();
        long left = work.levellingDelayMinutes();
        while (left > 0 && day.isBefore(last)) {
            long minutes = calendar.minutes(day);
            if (minutes > left) {
                break;
            }
            left -= minutes;
            day = day.plusDays(1);
        }
        return day;
    }

    private static String rowKey(ResourceRef resource) {
        return resource.userId() != null ? "user-" + resource.userId() : "resource-" + resource.id();
    }

    private static boolean off(
            ResourceRef resource, LocalDate day, Map<Long, List<Absence>> ofUser, Map<Long, List<Absence>> ofResource) {
        if (resource.userId() != null) {
            for (Absence absence : ofUser.getOrDefault(resource.userId(), List.of())) {
                if (absence.covers(day)) {
                    return true;
                }
            }
        }
        for (Absence absence : ofResource.getOrDefault(resource.id(), List.of())) {
            if (absence.covers(day)) {
                return true;
            }
        }
        return false;
    }

    private static Workload.Cell cell(long minutes, long capacity, int overDays) {
        Integer percent = capacity > 0 ? (int) Math.round(minutes * 100.0 / capacity) : null;
        String state;
        if (minutes == 0 && capacity == 0) {
            state = "OFF";
        } else if (minutes > capacity + 1 || overDays > 0) {
            state = "OVER";
        } else if (capacity > 0 && minutes * 100 >= capacity * 80) {
            state = "FULL";
        } else {
            state = "UNDER";
        }
        String hours = hours(minutes) + " of " + hours(capacity);
        String text =
                switch (state) {
                    case "OFF" -> "not working";
                    case "OVER" ->
                        hours + (percent == null ? "" : ", " + percent + " %") + ", over-allocated"
                                + (overDays > 0 ? " on " + overDays + (overDays == 1 ? " day" : " days") : "");
                    case "FULL" -> hours + ", " + percent + " %, fully allocated";
                    default -> hours + ", " + percent + " %, under-allocated";
                };
        return new Workload.Cell(minutes, capacity, percent, state, overDays, text);
    }

    static String hours(long minutes) {
        return BigDecimal.valueOf(minutes)
                        .divide(BigDecimal.valueOf(60), 1, java.math.RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString()
                + " h";
    }

    private List<ResourceRef> resources(String condition, Map<String, Object> params, String tag) {
        var sql = jdbc.sql("select r.id, r.user_id, r.project_id, r.max_units, coalesce(u.name, r.name), r.tags"
                + " from resource r join project p on p.id = r.project_id left join app_user u on u.id = r.user_id"
                + " where r.kind = 'WORK' and not p.archived and " + condition
                + (tag == null ? "" : " and exists (select 1 from unnest(r.tags) g where lower(g) = lower(:tag))")
                + " order by r.id");
        for (Map.Entry<String, Object> param : params.entrySet()) {
            sql = sql.param(param.getKey(), param.getValue());
        }
        if (tag != null) {
            sql = sql.param("tag", tag);
        }
        return sql.query((rs, n) -> new ResourceRef(
                        rs.getLong(1),
                        (Long) rs.getObject(2),
                        rs.getLong(3),
                        rs.getDouble(4),
                        rs.getString(5),
                        strings(rs.getArray(6))))
                .list();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private Map<Long, Calendar> calendars(Set<Long> projectIds) {
        Map<Long, Calendar> calendars = new HashMap<>();
        jdbc.sql("select id, project_key from project where id = any(:ids)")
                .param("ids", projectIds.toArray(Long[]::new))
                .query(rs -> {
                    calendars.put(rs.getLong(1), new Calendar(rs.getString(2), workingTime.workingTime(rs.getLong(1))));
                });
        return calendars;
    }

    /** The columns: days from {@code from}; weeks from its Monday; months from its first day. */
    static List<Workload.Period> periods(LocalDate from, int count, String scale) {
        List<Workload.Period> periods = new ArrayList<>(count);
        LocalDate start =
                switch (scale) {
                    case "WEEK" -> from.with(DayOfWeek.MONDAY);
                    case "MONTH" -> from.withDayOfMonth(1);
                    default -> from;
                };
        for (int i = 0; i < count; i++) {
            LocalDate next =
                    switch (scale) {
                        case "WEEK" -> start.plusWeeks(1);
                        case "MONTH" -> start.plusMonths(1);
                        default -> start.plusDays(1);
                    };
            String month = start.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            String label =
                    switch (scale) {
                        case "WEEK" ->
                            "W" + start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " " + month + " "
                                    + start.getDayOfMonth();
                        case "MONTH" -> month + " " + start.getYear();
                        default ->
                            start.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + month + " "
                                    + start.getDayOfMonth();
                    };
            periods.add(new Workload.Period(start, next.minusDays(1), label));
            start = next;
        }
        return periods;
    }

    private static double elapsed(long began) {
        return Math.round((System.nanoTime() - began) / 10_000.0) / 100.0;
    }
}
