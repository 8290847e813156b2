package org.gantry.server.notification;

/** When a notification goes out by e-mail: right away, in the next batch, in the daily digest, or never. */
public enum EmailDelivery {
    IMMEDIATE,
    BATCH,
    DIGEST,
    OFF
}
