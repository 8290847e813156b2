package org.gantry.server.audit;

/** What an audit row records. */
public enum AuditKind {
    LOGIN("Signed in"),
    LOGIN_FAILED("Sign-in failed"),
    LOGIN_LOCKED("Locked out"),
    TOKEN_CREATED("API token created"),
    TOKEN_REVOKED("API token revoked"),
    USER_CREATED("User invited"),
    SYSTEM_ROLE_CHANGED("System role changed"),
    PROJECT_ROLE_CHANGED("Project role changed"),
    PASSWORD_CHANGED("Password changed"),
    PASSWORD_RESET("Password reset"),
    USER_DEACTIVATED("User deactivated"),
    USER_REACTIVATED("User reactivated"),
    TWO_FACTOR_ENABLED("Two-factor sign-in turned on"),
    TWO_FACTOR_DISABLED("Two-factor sign-in turned off"),
    TWO_FACTOR_RESET("Two-factor sign-in reset by an admin"),
    SIGN_IN_SETTINGS_CHANGED("Sign-in settings changed"),
    WEBHOOK_CREATED("Webhook created"),
    WEBHOOK_SECRET_ROTATED("Webhook secret rotated"),
    WEBHOOK_DELETED("Webhook deleted"),
    WEBHOOK_DELIVERY_REFUSED("Webhook delivery refused");

    private final String label;

    AuditKind(String label) {
        this.label = label;
    }

    /** In words, for the admin page. */
    public String label() {
        return label;
    }
}
