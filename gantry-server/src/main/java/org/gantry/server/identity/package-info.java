/**
 * Who is calling: user accounts (the system admin invites and deactivates them), password login
 * with a rate limit, personal API tokens for {@code Authorization: Bearer}, and the Spring Security
 * set-up for pages and the API. Other features receive a {@link org.gantry.server.identity.CurrentUser}
 * and decide what that user may do in a project. The account, sign-in and two-factor pages and APIs
 * live here, and so does the shell every {@code @ShellPage} controller's model gets (who is logged in).
 */
@ApplicationModule(allowedDependencies = {"shared", "web"})
package org.gantry.server.identity;

import org.springframework.modulith.ApplicationModule;
