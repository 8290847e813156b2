package org.gantry.server.live;

/** Live updates are switched off on this server (503). */
class LiveUnavailable extends RuntimeException {

    LiveUnavailable(String detail) {
        super(detail);
    }
}
