/**
 * The browser pages: server-rendered Thymeleaf views made interactive with htmx. Controllers here call
 * the feature services with the {@code CurrentUser}, bind forms to records, and turn the services'
 * failures into messages a project manager understands (see {@link org.gantry.server.web.PageProblems}).
 *
 * <p>The records the templates read (forms, filters, notices) are public although nothing outside this
 * package uses them: SpEL in the templates only calls methods of public types.
 */
package org.gantry.server.web;
