/**
 * Failures every feature reports in the same words: something is missing or not visible, not allowed,
 * stale, conflicting or invalid. The API turns each into an RFC 9457 problem with the matching status;
 * pages get the status from {@code @ResponseStatus}.
 */
@ApplicationModule(allowedDependencies = {})
package org.gantry.server.shared;

import org.springframework.modulith.ApplicationModule;
