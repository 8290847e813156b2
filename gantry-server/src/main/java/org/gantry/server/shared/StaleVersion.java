package org.gantry.server.shared;

import java.util.Map;

/**
 * Someone changed the row since the caller read it. Carries the row as it is now, so the client can
 * show it and let the person decide.
 */
public class StaleVersion extends Conflict {

    private final Object current;

    public StaleVersion(String what, Object current) {
        super(
                "Stale version",
                what + " was changed by someone else since you loaded it; reload it and apply your change again.",
                Map.of("current", current));
        this.current = current;
    }

    public Object current() {
        return current;
    }
}
