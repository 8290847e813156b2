package org.gantry.server.identity;

import java.time.Instant;

/** Whether two-factor sign-in is on, and how many unused recovery codes are left. */
public record TwoFactorStatus(boolean enabled, boolean enrolmentPending, Instant enabledAt, int recoveryCodesLeft) {}
