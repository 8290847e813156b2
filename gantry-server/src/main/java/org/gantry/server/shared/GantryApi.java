package org.gantry.server.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.web.bind.annotation.RestController;

/**
 * A REST controller of Gantry's API, in whichever feature package it lives: a {@code @RestController}
 * whose failures are answered as RFC 9457 problem details (status, title, detail, field errors; a 409
 * on a stale version carries {@code current}). The problem mapping advises exactly the controllers
 * carrying this annotation, so a controller moved to another package keeps its error answers, and one
 * added without it is caught by the test that checks every {@code /api} endpoint carries it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
public @interface GantryApi {}
