package org.gantry.server.task;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * How a successor depends on its predecessor. The API uses the usual codes (FS, SS, FF, SF) and also
 * accepts the spelled-out names.
 */
public enum LinkType {
    FINISH_START("FS"),
    START_START("SS"),
    FINISH_FINISH("FF"),
    START_FINISH("SF");

    private final String code;

    LinkType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static LinkType of(String text) {
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values())
                .filter(type -> type.code.equals(wanted) || type.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a link type: use FS, SS, FF or SF"));
    }
}
