package org.gantry.server.resource;

import java.time.LocalDate;
import java.util.List;

/**
 * Days a person or a resource does not work: from {@code firstDay} to {@code lastDay}, on every day or only
 * on the ISO {@code weekdays} listed (1 = Monday; [5] = Fridays, a part-time week). A person's own entry
 * ({@code userId}) holds in all their projects; a resource's ({@code resourceId}, {@code projectKey}) only
 * in that project. {@code kind}: VACATION, HOLIDAY, PART_TIME, SICK or OTHER.
 */
public record TimeOff(
        long id,
        Long userId,
        String userName,
        Long resourceId,
        String resourceName,
        String projectKey,
        LocalDate firstDay,
        LocalDate lastDay,
        List<Integer> weekdays,
        String kind,
        String note,
        int version) {

    /** Whether the entry takes this day off. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(firstDay)
                && !day.isAfter(lastDay)
                && (weekdays.isEmpty() || weekdays.contains(day.getDayOfWeek().getValue()));
    }

    /** The entry as a person reads it: "Vacation 2026-03-09 to 2026-03-13" or "Part time, Fridays ...". */
    public String text() {
        String what = kind.charAt(0) + kind.substring(1).toLowerCase().replace('_', ' ');
        String days = firstDay.equals(lastDay) ? firstDay.toString() : firstDay + " to " + lastDay;
        if (!weekdays.isEmpty()) {
            days = "on "
                    + String.join(
                            ", ",
                            weekdays.stream()
                                    .map(d -> java.time.DayOfWeek.of(d)
                                                    .getDisplayName(
                                                            java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                                            + "s")
                                    .toList())
                    + ", " + days;
        }
        return what + " " + days + (note.isBlank() ? "" : " (" + note + ")");
    }
}
