/**
 * Projects: key, name, dates, time zone, currency, working calendar, archive state, and who works
 * on them in which role. {@link org.gantry.server.project.ProjectService#access} is the one place
 * that decides whether a user may see a project and what they may do in it; every other feature
 * asks it. Also here: the project and member pages and API, the landing page, and the events every
 * date-affecting change publishes ({@code ScheduleAffected}, {@code ProjectScheduleChanged}).
 */
@ApplicationModule(allowedDependencies = {"identity", "shared", "web"})
package org.gantry.server.project;

import org.springframework.modulith.ApplicationModule;
