package org.gantry.server.identity;

import java.io.Serializable;

/** The authenticated caller. Controllers receive it as a method parameter. */
public record CurrentUser(long id, String email, String name, boolean systemAdmin) implements Serializable {}
