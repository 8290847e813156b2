package org.gantry.server.identity;

/**
 * Something happened to an account or to how people sign in: published in the transaction of the
 * change (a failed sign-in in its own), for the audit log. Who did it is the current caller
 * ({@link CurrentActor}) unless the event names no caller (a sign-in: then the subject is the one
 * signing in). Values are short words, never a secret.
 *
 * @param subjectId the account concerned, when there is one (null for an unknown e-mail)
 * @param subjectEmail the e-mail concerned, as known or as typed
 * @param address the client address when the event knows it better than the current request
 */
public record SecurityEvent(
        Kind kind,
        Long subjectId,
        String subjectEmail,
        String detail,
        String oldValue,
        String newValue,
        String address) {

    public enum Kind {
        LOGIN,
        LOGIN_FAILED,
        TOKEN_CREATED,
        TOKEN_REVOKED,
        USER_CREATED,
        SYSTEM_ROLE_CHANGED,
        PASSWORD_CHANGED,
        PASSWORD_RESET,
        USER_DEACTIVATED,
        USER_REACTIVATED,
        TWO_FACTOR_ENABLED,
        TWO_FACTOR_DISABLED,
        TWO_FACTOR_RESET,
        SIGN_IN_SETTINGS_CHANGED
    }

    static SecurityEvent of(Kind kind, Long subjectId, String subjectEmail, String detail) {
        return new SecurityEvent(kind, subjectId, subjectEmail, detail, null, null, null);
    }
}
