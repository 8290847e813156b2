package org.gantry.server.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
 */
final class ActorAwareTransactionManager extends JdbcTransactionManager {

    ActorAwareTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        if (definition.isReadOnly()) {
            return;
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
