package org.gantry.server.resource;

import java.math.BigDecimal;

/**
 * A resource as the API and the pages show it. {@code kind} is WORK (people, equipment), MATERIAL or COST;
 * {@code maxUnits} a percentage (100 = full time); rates are amounts in {@code currency} per
 * {@code standardRatePer} / {@code overtimeRatePer} (HOURS, DAYS...). {@code calendarName} is the name of the
 * project calendar the resource works on, when it has its own. {@code assignedWorkMinutes} sums the work of
 * all its assignments, in working minutes. {@code userId} is the project member the resource is (a person's
 * resource is made when they join); {@code tags} are free words such as a team or a skill.
 */
public record Resource(
        long id,
        String name,
        String initials,
        String email,
        String group,
        String kind,
        String materialLabel,
        BigDecimal maxUnits,
        BigDecimal standardRate,
        String standardRatePer,
        BigDecimal overtimeRate,
        String overtimeRatePer,
        BigDecimal costPerUse,
        String currency,
        String calendarKey,
        String calendarName,
        String notes,
        int assignmentCount,
        long assignedWorkMinutes,
        Long userId,
        java.util.List<String> tags,
        int version) {

    /** The same resource with its rates left out, for people who may not see money (members, stakeholders). */
    public Resource withoutRates() {
        return new Resource(
                id,
                name,
                initials,
                email,
                group,
                kind,
                materialLabel,
                maxUnits,
                null,
                null,
                null,
                null,
                null,
                currency,
                calendarKey,
                calendarName,
                notes,
                assignmentCount,
                assignedWorkMinutes,
                userId,
                tags,
                version);
    }
}
