package org.gantry.server.cost;

import java.util.HashSet;
import java.util.Set;
import org.gantry.server.collaboration.StoredFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Receipts' files in the attachment store: kept by its sweep, counted in the project's total. */
@Component
class ExpenseReceiptFiles implements StoredFiles {

    private final JdbcClient jdbc;

    ExpenseReceiptFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> referenced(String[] keys) {
        return new HashSet<>(jdbc.sql("select storage_key from expense_receipt where storage_key = any(?)")
                .param(keys)
                .query(String.class)
                .list());
    }

    @Override
    public long bytesOf(long projectId) {
        return jdbc.sql("select coalesce(sum(size_bytes), 0) from expense_receipt where project_id = ?")
                .param(projectId)
                .query(Long.class)
                .single();
    }
}
