package org.gantry.server.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a page controller that the shared page shell advises: the identity package's {@code Shell} puts
 * the logged-in person into its model and {@link PageProblems} answers the refusals it does not handle
 * itself. Feature
 * packages keep their page controllers beside their REST controllers, so the advice is scoped by this
 * annotation rather than by package; page controllers without it fill their model themselves and answer
 * refusals through {@link PageProblems#refusal}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ShellPage {}
