package org.gantry.server.signals;

import java.util.List;

/** A new outgoing webhook: {@code url} required; {@code events} default to all three; on unless told. */
record NewOutgoingWebhook(String name, String url, List<String> events, Boolean active) {}
