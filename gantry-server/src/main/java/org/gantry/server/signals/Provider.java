package org.gantry.server.signals;

import java.util.Locale;

/** Who sends a webhook's deliveries, which decides how they are signed and what their payloads look like. */
enum Provider {
    /** X-Hub-Signature-256: sha256=HMAC-SHA256(secret, body) in hex; X-GitHub-Event; X-GitHub-Delivery. */
    GITHUB,
    /** X-Gitlab-Token: the secret itself; X-Gitlab-Event; X-Gitlab-Event-UUID. */
    GITLAB,
    /** Gitea and Forgejo: X-Gitea-Signature (or X-Forgejo-Signature): HMAC-SHA256 in hex; GitHub-like bodies. */
    GITEA,
    /** Gantry's own format: X-Gantry-Signature: sha256=...; X-Gantry-Event; X-Gantry-Delivery. */
    GENERIC;

    static Provider parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
