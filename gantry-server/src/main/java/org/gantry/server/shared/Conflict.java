package org.gantry.server.shared;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The request is well formed but clashes with the current state (a duplicate key, a dependency
 * cycle, removing the last owner). Properties are added to the problem body.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class Conflict extends RuntimeException {

    private final String title;
    private final Map<String, Object> properties;

    public Conflict(String title, String detail) {
        this(title, detail, Map.of());
    }

    public Conflict(String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
