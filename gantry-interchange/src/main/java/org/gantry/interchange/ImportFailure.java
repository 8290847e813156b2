package org.gantry.interchange;

/**
 * Why a file could not be imported, in words a project manager can act on. Nothing has been imported
 * when this is thrown.
 */
public final class ImportFailure extends Exception {
    public enum Reason {
        EMPTY,
        TOO_LARGE,
        UNRECOGNISED_FORMAT,
        DAMAGED,
        PASSWORD_PROTECTED,
        NO_PROJECT
    }

    private final Reason reason;

    public ImportFailure(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public ImportFailure(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
