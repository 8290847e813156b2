/**
 * Who is calling: user accounts (the system admin invites and deactivates them), password login
 * with a rate limit, personal API tokens for {@code Authorization: Bearer}, and the Spring Security
 * set-up for pages and the API. Other features receive a {@link org.gantry.server.identity.CurrentUser}
 * and decide what that user may do in a project.
 */
package org.gantry.server.identity;
