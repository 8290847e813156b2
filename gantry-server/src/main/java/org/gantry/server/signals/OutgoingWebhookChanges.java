package org.gantry.server.signals;

import java.util.List;

/** Changes to an outgoing webhook: what is null stays; {@code version} as last read (409 when stale). */
record OutgoingWebhookChanges(String name, String url, List<String> events, Boolean active, Integer version) {}
