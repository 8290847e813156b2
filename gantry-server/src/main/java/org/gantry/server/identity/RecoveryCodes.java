package org.gantry.server.identity;

import java.util.List;

/** Ten one-time recovery codes, shown once when two-factor sign-in is turned on. */
public record RecoveryCodes(List<String> recoveryCodes) {}
