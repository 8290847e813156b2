package org.gantry.server.signals;

/** {@code provider}: github, gitlab, gitea (also Forgejo) or generic. {@code name}: optional, what it is for. */
record NewWebhook(String name, String provider) {}
