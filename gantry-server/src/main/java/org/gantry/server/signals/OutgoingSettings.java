package org.gantry.server.signals;

/**
 * Server-wide outgoing webhook settings (system admins): whether webhooks may call loopback, private,
 * link-local and other internal addresses. Off by default, so a project manager cannot make the server probe
 * the network it runs in.
 */
record OutgoingSettings(boolean allowPrivateAddresses, int version) {}
