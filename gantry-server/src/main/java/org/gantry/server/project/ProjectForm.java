package org.gantry.server.project;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.gantry.server.shared.InvalidInput;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The project form (create and settings). The calendar is edited as text a person can type:
 * working hours as "08:00-12:00, 13:00-17:00", holidays one per line as "2026-12-25 Christmas Day".
 */
public record ProjectForm(
        String key,
        String name,
        String description,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
        String timeZone,
        String currency,
        List<DayOfWeek> workingDays,
        String workingHours,
        String holidays,
        Integer version) {

    static ProjectForm blank() {
        WorkingCalendar standard = WorkingCalendar.standard();
        return new ProjectForm(
                "", "", "", LocalDate.now(), "UTC", "EUR", standard.workingDays(), hoursText(standard), "", null);
    }

    static ProjectForm of(Project project) {
        WorkingCalendar calendar = project.calendar();
        return new ProjectForm(
                project.key(),
                project.name(),
                project.description(),
                project.startDate(),
                project.timeZone(),
                project.currency(),
                calendar.workingDays(),
                hoursText(calendar),
                calendar.holidays().stream()
                        .map(holiday -> holiday.date()
                                + (holiday.name() == null || holiday.name().isBlank() ? "" : " " + holiday.name()))
                        .collect(Collectors.joining("\n")),
                project.version());
    }

    NewProject toNewProject() {
        return new NewProject(
                key, name, description, startDate, blankToNull(timeZone), blankToNull(currency), calendar());
    }

    ProjectChanges toChanges() {
        return new ProjectChanges(
                name,
                description == null ? "" : description,
                startDate,
                blankToNull(timeZone),
                blankToNull(currency),
                calendar(),
                null,
                version);
    }

    public boolean works(DayOfWeek day) {
        return workingDays != null && workingDays.contains(day);
    }

    /** Parses the typed calendar; a line that cannot be read is reported against its field. */
    WorkingCalendar calendar() {
        var problems = new InvalidInput.Collector();
        List<WorkingHours> hours = new ArrayList<>();
        for (String part : (workingHours == null ? "" : workingHours).split("[,;\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            String[] range = part.strip().split("\\s*-\\s*");
            try {
                hours.add(new WorkingHours(LocalTime.parse(pad(range[0])), LocalTime.parse(pad(range[1]))));
            } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
                problems.add(
                        "calendar.workingHours",
                        "write each interval as 08:00-12:00; cannot read \"" + part.strip() + "\"");
            }
        }
        List<Holiday> days = new ArrayList<>();
        for (String line : (holidays == null ? "" : holidays).split("\\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("\\s+", 2);
            try {
                days.add(new Holiday(LocalDate.parse(parts[0]), parts.length > 1 ? parts[1] : ""));
            } catch (DateTimeParseException e) {
                problems.add(
                        "calendar.holidays",
                        "write each holiday as 2026-12-25 Christmas Day; cannot read \"" + line.strip() + "\"");
            }
        }
        problems.throwIfAny();
        return new WorkingCalendar(workingDays == null ? List.of() : workingDays, hours, days);
    }

    private static String pad(String time) {
        return time.length() == 4 ? "0" + time : time;
    }

    private static String hoursText(WorkingCalendar calendar) {
        return calendar.workingHours().stream()
                .map(hours -> hours.from() + "-" + hours.to())
                .collect(Collectors.joining(", "));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
