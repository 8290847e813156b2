package org.gantry.server.signals;

/** {@code allowPrivateAddresses} and the settings' {@code version} as last read, both required. */
record OutgoingSettingsChanges(Boolean allowPrivateAddresses, Integer version) {}
