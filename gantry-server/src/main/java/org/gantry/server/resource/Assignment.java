package org.gantry.server.resource;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A resource on a task. {@code units} is a percentage of the resource's time (for a material, the quantity);
 * work is in working minutes; start and finish are local date-times in the project's time zone.
 */
public record Assignment(
        long id,
        long taskId,
        String taskName,
        String taskWbs,
        long resourceId,
        String resourceName,
        String resourceKind,
        BigDecimal units,
        long workMinutes,
        long actualWorkMinutes,
        long remainingWorkMinutes,
        LocalDateTime start,
        LocalDateTime finish,
        String contour,
        int version) {

    /** The units as a person reads them: a percentage of a worker's time, a quantity of a material. */
    public String unitsText() {
        String number = units == null ? "0" : units.stripTrailingZeros().toPlainString();
        return "MATERIAL".equals(resourceKind) ? number : number + " %";
    }

    /** The work in hours, the unit Microsoft Project shows it in. */
    public String workText() {
        return ResourcePages.hours(workMinutes);
    }
}
