package org.gantry.server.notification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How notifications write working time and dates, as a project manager reads them. */
final class Wording {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

    private Wording() {}

    /** Working minutes as days ("1 day", "2.5 days") from a day up, else hours or minutes. */
    static String work(long minutes, long minutesPerDay) {
        long abs = Math.abs(minutes);
        if (minutesPerDay > 0 && abs >= minutesPerDay) {
            BigDecimal days = BigDecimal.valueOf(abs)
                    .divide(BigDecimal.valueOf(minutesPerDay), 1, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
            return days.toPlainString() + (days.compareTo(BigDecimal.ONE) == 0 ? " day" : " days");
        }
        if (abs >= 60) {
            BigDecimal hours = BigDecimal.valueOf(abs)
                    .divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
            return hours.toPlainString() + (hours.compareTo(BigDecimal.ONE) == 0 ? " hour" : " hours");
        }
        return abs + (abs == 1 ? " minute" : " minutes");
    }

    static String dateTime(LocalDateTime value) {
        return value == null ? "none" : DATE_TIME.format(value);
    }

    /** Text cut to {@code max} characters at a word where possible, with an ellipsis. */
    static String excerpt(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max - 1);
        return flat.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }
}
