package org.gantry.server.task;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations and lags as people type them ("5d", "1.5w", "3h", "90m", "-1d"; a bare number is days)
 * and back. A day and a week are the project calendar's working minutes, not 24 or 168 hours.
 */
public record DurationText(long minutes, DurationUnit unit) {

    private static final Pattern TEXT = Pattern.compile(
            "^\\s*(-?\\d{1,6}(?:\\.\\d{1,3})?)\\s*(m|min|mins|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)?\\s*$");

    public static DurationText parse(String text, long minutesPerDay, long minutesPerWeek) {
        Matcher matcher = TEXT.matcher(text.toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("is not a duration such as 5d, 1.5w, 3h or 90m");
        }
        BigDecimal value = new BigDecimal(matcher.group(1));
        String suffix = matcher.group(2) == null ? "d" : matcher.group(2);
        DurationUnit unit =
                switch (suffix.charAt(0)) {
                    case 'm' -> DurationUnit.MINUTES;
                    case 'h' -> DurationUnit.HOURS;
                    case 'w' -> DurationUnit.WEEKS;
                    default -> DurationUnit.DAYS;
                };
        long minutes = value.multiply(BigDecimal.valueOf(minutesIn(unit, minutesPerDay, minutesPerWeek)))
                .setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        return new DurationText(minutes, unit);
    }

    static String format(long minutes, DurationUnit unit, long minutesPerDay, long minutesPerWeek) {
        long per = minutesIn(unit, minutesPerDay, minutesPerWeek);
        BigDecimal value = BigDecimal.valueOf(minutes)
                .divide(BigDecimal.valueOf(per), 2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        String suffix =
                switch (unit) {
                    case MINUTES -> "m";
                    case HOURS -> "h";
                    case DAYS -> "d";
                    case WEEKS -> "w";
                };
        return value.toPlainString() + suffix;
    }

    private static long minutesIn(DurationUnit unit, long minutesPerDay, long minutesPerWeek) {
        return switch (unit) {
            case MINUTES -> 1;
            case HOURS -> 60;
            case DAYS -> Math.max(1, minutesPerDay);
            case WEEKS -> Math.max(1, minutesPerWeek);
        };
    }
}
