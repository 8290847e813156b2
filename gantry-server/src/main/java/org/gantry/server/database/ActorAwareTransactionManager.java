package org.gantry.server.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.gantry.server.identity.CurrentActor;
import org.gantry.server.identity.CurrentUser;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Spring's JDBC transaction manager, which also tells PostgreSQL who is changing things: when a write
 * transaction begins on behalf of a logged-in caller, their user id (and the API token's id) go into
 * transaction-local settings that the activity log's triggers read (V51). Read-only transactions and
 * work without a caller (start-up, background jobs) skip the extra statement.
 *
 * <p>When the server's {@link Clock} is not the system clock (a test walking through the days of a
 * sprint), every write transaction also puts the clock's instant into {@code gantry.now}, which the
 * activity log takes as the time of the change (V101), so the status history follows the same clock as
 * the rest of the server.
 */
final class ActorAwareTransactionManager extends JdbcTransactionManager {

    private final Clock clock;

    ActorAwareTransactionManager(DataSource dataSource, Clock clock) {
        super(dataSource);
        this.clock = clock;
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        if (definition.isReadOnly()) {
            return;
        }
        if (!Clock.systemUTC().equals(clock)) {
            try (PreparedStatement statement =
                    connection.prepareStatement("select set_config('gantry.now', ?, true)")) {
                statement.setString(1, clock.instant().toString());
                statement.execute();
            }
        }
        Optional<CurrentUser> actor = CurrentActor.get();
        if (actor.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select set_config('gantry.actor_id', ?, true), set_config('gantry.token_id', ?, true)")) {
            statement.setString(1, Long.toString(actor.get().id()));
            statement.setString(2, CurrentActor.tokenId().map(String::valueOf).orElse(""));
            statement.execute();
        }
    }
}
