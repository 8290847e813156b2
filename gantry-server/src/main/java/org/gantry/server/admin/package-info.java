/**
 * System administration, for system admins only: inviting, deactivating and resetting users, the
 * sign-in settings (password and single sign-on, two-factor), clearing login locks and creating the
 * demo project ({@code /admin}, {@code /api/v1/admin}). It acts through the identity and demo services
 * and owns no table of its own.
 */
@ApplicationModule(allowedDependencies = {"demo", "identity", "project", "shared", "web"})
package org.gantry.server.admin;

import org.springframework.modulith.ApplicationModule;
