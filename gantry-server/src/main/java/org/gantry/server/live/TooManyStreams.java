package org.gantry.server.live;

/** A person has more live pages open on this server than it allows (429). */
class TooManyStreams extends RuntimeException {

    TooManyStreams(String detail) {
        super(detail);
    }
}
