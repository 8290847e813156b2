/**
 * Where the data lives: an external PostgreSQL when {@code GANTRY_DB_URL} is set, otherwise an
 * embedded PostgreSQL whose files stay in the data folder between runs. Flyway migrates either.
 */
@ApplicationModule(allowedDependencies = {"identity"})
package org.gantry.server.database;

import org.springframework.modulith.ApplicationModule;
