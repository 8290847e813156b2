package org.gantry.server.signals;

/** The webhook's version as the caller last read it: a rotation over a newer one is refused (409). */
record SecretRotation(Integer version) {}
