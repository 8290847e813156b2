package org.gantry.server.signals;

/** A new webhook or a rotated secret: the only answer that carries the secret; Gantry never shows it again. */
record CreatedWebhook(Webhook webhook, String secret, String signatureHeader) {}
