package org.gantry.server.timesheet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads hours as people type them: a decimal ({@code 1.5}, {@code 0,75}, also as a JSON number) or hours
 * and minutes ({@code 1:30}). The result is whole minutes, rounded to the nearest one.
 */
final class Hours {
    static final int MAXIMUM_MINUTES = 24 * 60;
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,4}(?:[.,]\\d{1,6})?|[.,]\\d{1,6}");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):([0-5]\\d)");

    private Hours() {}

    /** Minutes, or null when the value is not hours. */
    static Integer minutes(Object value) {
        BigDecimal hours;
        if (value instanceof Number number) {
            try {
                hours = new BigDecimal(number.toString());
            } catch (NumberFormatException e) {
                return null;
            }
        } else if (value instanceof String text) {
            String trimmed = text.strip();
            Matcher clock = CLOCK.matcher(trimmed);
            if (clock.matches()) {
                return Integer.parseInt(clock.group(1)) * 60 + Integer.parseInt(clock.group(2));
            }
            if (!DECIMAL.matcher(trimmed).matches()) {
                return null;
            }
            hours = new BigDecimal(trimmed.replace(',', '.'));
        } else {
            return null;
        }
        if (hours.signum() < 0 || hours.compareTo(BigDecimal.valueOf(10_000)) > 0) {
            return null;
        }
        return hours.multiply(BigDecimal.valueOf(60))
                .setScale(0, RoundingMode.HALF_UP)
                .intValueExact();
    }

    static BigDecimal of(int minutes) {
        BigDecimal hours = BigDecimal.valueOf(minutes)
                .divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return hours.scale() < 0 ? hours.setScale(0) : hours;
    }
}
