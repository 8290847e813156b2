package org.gantry.server.signals;

/** An outgoing webhook with its signing secret, shown this once (on creation and rotation). */
record CreatedOutgoingWebhook(OutgoingWebhook webhook, String secret, String signatureHeader) {}
