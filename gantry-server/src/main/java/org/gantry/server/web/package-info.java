/**
 * What every page shares, whatever feature it belongs to: the mark of a page in the shared shell
 * ({@link org.gantry.server.web.ShellPage}), the mapping of failures to messages a project manager understands ({@link
 * org.gantry.server.web.PageProblems}), field labels and messages, and the htmx helpers. The pages
 * themselves live in their feature packages ({@code task}, {@code project}, {@code identity} ...).
 *
 * <p>The records the templates read (forms, filters, notices) are public: SpEL in the templates only
 * calls methods of public types.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package org.gantry.server.web;

import org.springframework.modulith.ApplicationModule;
