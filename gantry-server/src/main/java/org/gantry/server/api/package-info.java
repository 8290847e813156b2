/**
 * What every REST controller under {@code /api/v1} shares: failures as RFC 9457 problem details
 * (whatever package the controller is in), the JSON set-up and the OpenAPI description at {@code
 * /api/docs}. The controllers themselves ({@code ...Api}) live in their feature packages.
 */
@ApplicationModule(allowedDependencies = {"identity", "shared"})
package org.gantry.server.api;

import org.springframework.modulith.ApplicationModule;
