package org.gantry.engine;

import java.util.Objects;

/** Identifies a working-time calendar within one project network. */
public record CalendarId(String value) {
    public CalendarId {
        Objects.requireNonNull(value, "value");
    }

    public static CalendarId of(String value) {
        return new CalendarId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
