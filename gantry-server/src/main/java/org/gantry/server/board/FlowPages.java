package org.gantry.server.board;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectService;
import org.gantry.server.shared.InvalidInput;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Flow page ({@code /projects/{key}/flow}): the cycle-time scatter and the cumulative flow diagram of
 * the kanban board over one range of days, from the same service methods as {@code /cycle-time} and
 * {@code /cumulative-flow}. The figures are rendered as tables (the charts' text equivalent, which also
 * works without scripts) and as JSON the page script (static/js/flow.js) draws with ECharts. The range
 * lives in the address ({@code ?from=&to=}), so a view can be bookmarked and shared; a range the charts
 * cannot show is explained and the default one shown instead, never an error page.
 */
@Controller
class FlowPages {

    /** Both charts look at the same days, by default the last 90 (cycle time needs more than a month). */
    static final int DEFAULT_DAYS = 90;

    private final ProjectService projects;
    private final FlowMeasures measures;
    private final Clock clock;

    FlowPages(ProjectService projects, FlowMeasures measures, Clock clock) {
        this.projects = projects;
        this.measures = measures;
        this.clock = clock;
    }

    @GetMapping("/projects/{key}/flow")
    String page(
            CurrentUser user,
            @PathVariable String key,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model) {
        Project project = projects.get(user, key);
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(project.timeZone())));
        LocalDate first = null;
        LocalDate last = null;
        String rangeError = null;
        try {
            last = blank(to) ? today : LocalDate.parse(to.strip());
            first = blank(from) ? last.minusDays(DEFAULT_DAYS - 1) : LocalDate.parse(from.strip());
        } catch (DateTimeParseException e) {
            rangeError = "Write the dates as year-month-day, for example " + today + ".";
        }
        CycleTime cycleTime = null;
        CumulativeFlow flow = null;
        if (rangeError == null) {
            try {
                cycleTime = measures.cycleTime(user, project.key(), first, last);
                flow = measures.cumulativeFlow(user, project.key(), first, last);
            } catch (InvalidInput e) {
                rangeError = "This range cannot be shown: "
                        + e.errors().stream()
                                .map(problem -> problem.field() + " " + problem.message())
                                .collect(Collectors.joining("; "))
                        + ".";
            }
        }
        if (rangeError != null) {
            last = today;
            first = today.minusDays(DEFAULT_DAYS - 1);
            cycleTime = measures.cycleTime(user, project.key(), first, last);
            flow = measures.cumulativeFlow(user, project.key(), first, last);
        }
        model.addAttribute("project", project);
        model.addAttribute("tab", "flow");
        model.addAttribute("from", cycleTime.from());
        model.addAttribute("to", cycleTime.to());
        model.addAttribute("rangeError", rangeError);
        model.addAttribute("defaultDays", DEFAULT_DAYS);
        model.addAttribute("presets", presets(today));
        model.addAttribute("cycleTime", cycleTime);
        model.addAttribute("flow", flow);
        model.addAttribute("flowHasTasks", hasTasks(flow));
        model.addAttribute("cycleRows", cycleRows(cycleTime, ZoneId.of(project.timeZone())));
        model.addAttribute("cycleJson", cycleJson(cycleTime));
        model.addAttribute("flowJson", flowJson(flow));
        return "board/flow";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Ranges one click away, all ending today. */
    private static List<Map<String, Object>> presets(LocalDate today) {
        List<Map<String, Object>> presets = new ArrayList<>();
        for (int days : new int[] {14, 30, 90, 180, 365}) {
            presets.add(Map.of("days", days, "from", today.minusDays(days - 1), "to", today));
        }
        return presets;
    }

    /** Whether any leaf task existed on any day of the range (else the diagram would be a flat zero). */
    private static boolean hasTasks(CumulativeFlow flow) {
        return flow.days().stream()
                .anyMatch(day -> day.counts().values().stream().anyMatch(count -> count > 0));
    }

    /** One row of the cycle-time table: times in the project's time zone, to the minute. */
    record CycleRow(long taskId, String task, String started, String finished, BigDecimal days) {}

    private static List<CycleRow> cycleRows(CycleTime cycleTime, ZoneId zone) {
        var minutes = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        return cycleTime.points().stream()
                .map(point -> new CycleRow(
                        point.taskId(),
                        label(point),
                        minutes.format(point.startedAt()),
                        minutes.format(point.finishedAt()),
                        point.days()))
                .toList();
    }

    private static String label(CycleTime.Point point) {
        return point.wbs() == null || point.wbs().isBlank() ? point.name() : point.wbs() + " " + point.name();
    }

    private static String cycleJson(CycleTime cycleTime) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (CycleTime.Point point : cycleTime.points()) {
            Map<String, Object> dot = new LinkedHashMap<>();
            dot.put("date", point.finishedOn().toString());
            dot.put("days", point.days());
            dot.put("task", label(point));
            points.add(dot);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", cycleTime.from().toString());
        json.put("to", cycleTime.to().toString());
        json.put("points", points);
        Map<String, BigDecimal> percentiles = new LinkedHashMap<>();
        if (cycleTime.p50() != null) {
            percentiles.put("50th", cycleTime.p50());
            percentiles.put("85th", cycleTime.p85());
            percentiles.put("95th", cycleTime.p95());
        }
        json.put("percentiles", percentiles);
        return JsonMapper.shared().writeValueAsString(json);
    }

    private static String flowJson(CumulativeFlow flow) {
        List<String> dates =
                flow.days().stream().map(day -> day.date().toString()).toList();
        List<Map<String, Object>> series = new ArrayList<>();
        for (CumulativeFlow.Status status : flow.statuses()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("name", status.name());
            one.put("category", status.category().name());
            one.put(
                    "counts",
                    flow.days().stream()
                            .map(day -> day.counts().getOrDefault(status.status(), 0))
                            .toList());
            series.add(one);
        }
        return JsonMapper.shared().writeValueAsString(Map.of("dates", dates, "series", series));
    }
}
