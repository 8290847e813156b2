package org.gantry.server.signals;

/** A delivery whose signature or token is missing or wrong: 401, and nothing is stored. */
class DeliveryRefused extends RuntimeException {
    DeliveryRefused(String detail) {
        super(detail);
    }
}
