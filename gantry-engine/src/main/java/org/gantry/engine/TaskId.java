package org.gantry.engine;

import java.util.Objects;

/** Identifies a task within one project network. */
public record TaskId(String value) {
    public TaskId {
        Objects.requireNonNull(value, "value");
    }

    public static TaskId of(String value) {
        return new TaskId(value);
    }

    public static TaskId of(long value) {
        return new TaskId(Long.toString(value));
    }

    @Override
    public String toString() {
        return value;
    }
}
