package org.gantry.server.notification;

/** Why a person got a notification; also the kinds preferences are set for. */
public enum Reason {
    MENTIONED("Mentioned", "You were mentioned", EmailDelivery.IMMEDIATE),
    ASSIGNED("Assigned", "You were assigned to a task", EmailDelivery.IMMEDIATE),
    WATCHING("Watching", "Activity on a task you watch", EmailDelivery.BATCH),
    DATE_MOVED("Date moved", "A date you depend on moved (or a milestone slipped)", EmailDelivery.BATCH),
    CRITICAL_PATH("Critical path", "A task entered the critical path", EmailDelivery.BATCH),
    DEADLINE_MISSED("Deadline at risk", "A deadline will be missed", EmailDelivery.BATCH),
    RISK_REVIEW("Risk review due", "A risk you own is due for review", EmailDelivery.IMMEDIATE);

    private final String label;
    private final String description;
    private final EmailDelivery defaultEmail;

    Reason(String label, String description, EmailDelivery defaultEmail) {
        this.label = label;
        this.description = description;
        this.defaultEmail = defaultEmail;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    EmailDelivery defaultEmail() {
        return defaultEmail;
    }
}
