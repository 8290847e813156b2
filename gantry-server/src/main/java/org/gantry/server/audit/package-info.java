/**
 * The security audit log: who signed in (or failed to, or was locked out), created or revoked an API
 * token, changed a role, a password, an account, two-factor sign-in or the sign-in settings; when,
 * from which address, and the old and new value. It listens to the events of {@code identity} and
 * {@code project} and writes each row in the transaction of the change, so a change that fails leaves
 * no row. System admins read it ({@link org.gantry.server.audit.AuditLog#page},
 * {@code /admin/audit}, {@code /api/v1/admin/audit}).
 */
@ApplicationModule(allowedDependencies = {"identity", "project", "shared", "signals", "web"})
package org.gantry.server.audit;

import org.springframework.modulith.ApplicationModule;
