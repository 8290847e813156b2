package org.gantry.server.resource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.gantry.server.identity.CurrentUser;
import org.gantry.server.project.Permission;
import org.gantry.server.project.Project;
import org.gantry.server.project.ProjectAccess;
import org.gantry.server.project.ProjectService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The Resources page of a project: who and what the plan uses, at what rates, and how much work each has. */
@Controller
class ResourcePages {

    private final ResourceService resources;
    private final ProjectService projects;

    ResourcePages(ResourceService resources, ProjectService projects) {
        this.resources = resources;
        this.projects = projects;
    }

    /** One row of the page, with the figures already written as a project manager reads them. */
    record Row(
            long id,
            String name,
            String kind,
            String maxUnits,
            String standardRate,
            String overtimeRate,
            String costPerUse,
            String calendar,
            int assignments,
            String work) {}

    @GetMapping("/projects/{key}/resources")
    String list(CurrentUser user, @PathVariable String key, Model model) {
        Project project = projects.get(user, key);
        ProjectAccess access = projects.access(user, key);
        List<Resource> all = resources.all(user, key);
        List<Row> rows = all.stream().map(ResourcePages::row).toList();
        model.addAttribute("me", user);
        model.addAttribute("project", project);
        model.addAttribute("tab", "resources");
        model.addAttribute("rows", rows);
        model.addAttribute(
                "totalWork",
                hours(all.stream()
                        .filter(resource -> resource.kind().equals("WORK"))
                        .mapToLong(Resource::assignedWorkMinutes)
                        .sum()));
        model.addAttribute("canEdit", access.can(Permission.EDIT_TASKS) && !project.archived());
        return "resource/resources";
    }

    static Row row(Resource resource) {
        return new Row(
                resource.id(),
                resource.name(),
                kind(resource),
                resource.kind().equals("WORK") ? percent(resource.maxUnits()) : "",
                rate(resource.standardRate(), resource.standardRatePer(), resource.currency()),
                rate(resource.overtimeRate(), resource.overtimeRatePer(), resource.currency()),
                resource.costPerUse() == null || resource.costPerUse().signum() == 0
                        ? ""
                        : money(resource.costPerUse(), resource.currency()),
                resource.calendarName() != null && !resource.calendarName().isBlank()
                        ? resource.calendarName()
                        : resource.calendarKey() == null ? "Project calendar" : resource.calendarKey(),
                resource.assignmentCount(),
                resource.kind().equals("WORK") ? hours(resource.assignedWorkMinutes()) : "");
    }

    private static String kind(Resource resource) {
        return switch (resource.kind()) {
            case "MATERIAL" ->
                resource.materialLabel() == null || resource.materialLabel().isBlank()
                        ? "Material"
                        : "Material (" + resource.materialLabel() + ")";
            case "COST" -> "Cost";
            default -> "Work";
        };
    }

    static String percent(BigDecimal units) {
        return units == null ? "" : units.stripTrailingZeros().toPlainString() + " %";
    }

    /** Working minutes as hours, the unit Microsoft Project shows work in: 4500 minutes is "75 h". */
    static String hours(long minutes) {
        return BigDecimal.valueOf(minutes)
                        .divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP)
                        .stripTrailingZeros()
                        .toPlainString()
                + " h";
    }

    static String rate(BigDecimal amount, String per, String currency) {
        if (amount == null || amount.signum() == 0) {
            return "";
        }
        String unit =
                switch (per == null ? "HOURS" : per.toUpperCase(Locale.ROOT)) {
                    case "MINUTES" -> "/min";
                    case "DAYS" -> "/day";
                    case "WEEKS" -> "/week";
                    case "MONTHS" -> "/month";
                    case "YEARS" -> "/year";
                    default -> "/h";
                };
        return money(amount, currency) + unit;
    }

    private static String money(BigDecimal amount, String currency) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + (currency == null ? "" : currency);
    }
}
