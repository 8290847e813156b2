package org.gantry.server.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The backup file: a zip holding {@code manifest.properties} (format, schema version, tables and their
 * columns), each table's rows in PostgreSQL's COPY text format under {@code tables/}, every sequence's
 * position, and the attachments folder under {@code attachments/}.
 *
 * <p>Consistency: all tables and sequences are read in one read-only REPEATABLE READ transaction, one
 * snapshot, so a backup taken while instances write (external database) holds no half of a change.
 * Attachment files are written only after their row commits and removed only an hour after their row is
 * gone, so every file a row of the snapshot names is still there when the folder is copied afterwards.
 *
 * <p>Restore goes into an empty database only: it creates the schema with the migrations up to the
 * backup's version (a later server start migrates further), empties what migrations seeded, loads every
 * table with triggers and foreign-key checks off (session_replication_role = replica: the activity log's
 * triggers must not record the restore as new changes, and tables reference each other in cycles), puts
 * the sequences back where they were, and all of it in one transaction: a failed restore leaves nothing.
 */
final class BackupArchive {

    static final String FORMAT = "1";
    private static final String MIGRATIONS = "classpath:db/migration";
    private static final String HISTORY = "flyway_schema_history";

    private BackupArchive() {}

    /** A backup or restore that cannot be done, with what to do instead. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    record Summary(String schemaVersion, int tables, long rows, int attachments) {
        @Override
        public String toString() {
            return rows + " rows in " + tables + " tables (schema version " + schemaVersion + ") and " + attachments
                    + " attachment files";
        }
    }

    static Summary write(DataSource dataSource, Path attachments, Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Summary summary;
        try (Connection connection = dataSource.getConnection();
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            String version = schemaVersion(connection);
            if (version == null) {
                throw new Refused("There is nothing to back up: the database has no Gantry schema yet.");
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Map<String, List<String>> tables = tables(connection);
            Properties manifest = new Properties();
            manifest.setProperty("format", FORMAT);
            manifest.setProperty("schema.version", version);
            manifest.setProperty("created", Instant.now().toString());
            manifest.setProperty("tables", String.join(",", tables.keySet()));
            long rows = 0;
            for (Map.Entry<String, List<String>> table : tables.entrySet()) {
                manifest.setProperty("columns." + table.getKey(), String.join(",", table.getValue()));
                zip.putNextEntry(new ZipEntry("tables/" + table.getKey() + ".copy"));
                OutputStream entry = new NonClosing(zip);
                rows += copy.copyOut(
                        "COPY " + quoted(table.getKey()) + " (" + columnList(table.getValue()) + ") TO STDOUT", entry);
                zip.closeEntry();
            }
            Properties sequences = sequences(connection);
            connection.commit();
            zip.putNextEntry(new ZipEntry("sequences.properties"));
            sequences.store(new NonClosing(zip), "sequence=last_value,is_called");
            zip.closeEntry();
            int files = 0;
            if (Files.isDirectory(attachments)) {
                List<Path> all;
                try (Stream<Path> walk = Files.walk(attachments)) {
                    all = walk.filter(Files::isRegularFile)
                            .filter(path -> !attachments.relativize(path).startsWith("incoming"))
                            .toList();
                }
                for (Path path : all) {
                    zip.putNextEntry(new ZipEntry("attachments/"
                            + attachments.relativize(path).toString().replace('\\', '/')));
                    Files.copy(path, zip);
                    zip.closeEntry();
                    files++;
                }
            }
            zip.putNextEntry(new ZipEntry("manifest.properties"));
            manifest.store(new NonClosing(zip), "Gantry backup");
            zip.closeEntry();
            summary = new Summary(version, tables.size(), rows, files);
        } catch (SQLException e) {
            Files.deleteIfExists(partial);
            throw new IOException("reading the database failed: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        // Only a complete file takes the name: an interrupted backup never passes for a good one.
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return summary;
    }

    static Summary read(Path file, DataSource dataSource, Path attachments) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new Refused("No backup file at " + file + ".");
        }
        Properties manifest = new Properties();
        Map<String, Path> tableData = new LinkedHashMap<>();
        Properties sequences = new Properties();
        List<String> attachmentNames = new ArrayList<>();
        Path staging = Files.createTempDirectory("gantry-restore-");
        Path stagedAttachments = staging.resolve("attachments");
        try {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    String name = entry.getName();
                    if (name.equals("manifest.properties")) {
                        manifest.load(new NonClosingInput(zip));
                    } else if (name.equals("sequences.properties")) {
                        sequences.load(new NonClosingInput(zip));
                    } else if (name.startsWith("tables/") && name.endsWith(".copy")) {
                        // Staged on disk, not in memory: a table can be larger than the heap.
                        Path rows = Files.createTempFile(staging, "table-", ".copy");
                        Files.copy(zip, rows, StandardCopyOption.REPLACE_EXISTING);
                        tableData.put(name.substring(7, name.length() - 5), rows);
                    } else if (name.startsWith("attachments/") && !entry.isDirectory()) {
                        String relative = name.substring(12);
                        Path target = stagedAttachments.resolve(relative).normalize();
                        if (!target.startsWith(stagedAttachments) || relative.isEmpty()) {
                            throw new Refused("The backup holds a file outside its attachments folder: " + name);
                        }
                        Files.createDirectories(target.getParent());
                        Files.copy(zip, target);
                        attachmentNames.add(relative);
                    }
                }
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                throw new Refused("The file " + file + " is not a Gantry backup (or is cut short): " + e.getMessage());
            }
            if (!FORMAT.equals(manifest.getProperty("format"))) {
                throw new Refused("The file " + file + " is not a Gantry backup of format " + FORMAT + ".");
            }
            String version = manifest.getProperty("schema.version");
            Flyway flyway = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(MIGRATIONS)
                    .target(MigrationVersion.fromVersion(version))
                    .load();
            MigrationVersion newest = newestMigration(flyway);
            if (MigrationVersion.fromVersion(version).isNewerThan(newest.getVersion())) {
                throw new Refused("The backup was made by a newer Gantry (schema version " + version
                        + "; this one knows up to " + newest + "): restore it with that version or later.");
            }
            try (Connection connection = dataSource.getConnection()) {
                if (schemaVersion(connection) != null || !tables(connection).isEmpty()) {
                    throw new Refused("The database is not empty: restore into an empty data folder"
                            + " (GANTRY_DATA_DIR) or an empty external database.");
                }
            } catch (SQLException e) {
                throw new IOException("reading the database failed: " + e.getMessage(), e);
            }
            if (Files.isDirectory(attachments)) {
                try (Stream<Path> present = Files.list(attachments)) {
                    if (present.anyMatch(path -> !path.getFileName().toString().equals("incoming"))) {
                        throw new Refused("The attachments folder " + attachments + " is not empty.");
                    }
                }
            }
            flyway.migrate();
            long rows;
            try (Connection connection = dataSource.getConnection()) {
                rows = load(connection, manifest, tableData, sequences);
            } catch (SQLException e) {
                dropEverything(dataSource);
                throw new IOException("loading the backup failed, nothing was kept: " + e.getMessage(), e);
            }
            Files.createDirectories(attachments);
            for (String relative : attachmentNames) {
                Path target = attachments.resolve(relative);
                Files.createDirectories(target.getParent());
                Files.move(stagedAttachments.resolve(relative), target, StandardCopyOption.REPLACE_EXISTING);
            }
            return new Summary(version, tableData.size(), rows, attachmentNames.size());
        } finally {
            deleteTree(staging);
        }
    }

    private static long load(
            Connection connection, Properties manifest, Map<String, Path> tableData, Properties sequences)
            throws SQLException, IOException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL session_replication_role = replica");
            Map<String, List<String>> present = tables(connection);
            if (!present.isEmpty()) {
                statement.execute("TRUNCATE "
                        + String.join(
                                ", ",
                                present.keySet().stream()
                                        .map(BackupArchive::quoted)
                                        .toList()));
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long rows = 0;
            for (String table : manifest.getProperty("tables", "").split(",")) {
                if (table.isEmpty()) {
                    continue;
                }
                if (!present.containsKey(table) || !tableData.containsKey(table)) {
                    throw new Refused("The backup's table " + table + " does not match the schema it names.");
                }
                List<String> columns =
                        List.of(manifest.getProperty("columns." + table).split(","));
                try (InputStream data = Files.newInputStream(tableData.get(table))) {
                    rows += copy.copyIn("COPY " + quoted(table) + " (" + columnList(columns) + ") FROM STDIN", data);
                }
            }
            for (String sequence : sequences.stringPropertyNames()) {
                String[] value = sequences.getProperty(sequence).split(",");
                try (var set = connection.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
                    set.setString(1, quoted(sequence));
                    set.setLong(2, Long.parseLong(value[0]));
                    set.setBoolean(3, Boolean.parseBoolean(value[1]));
                    set.execute();
                }
            }
            connection.commit();
            return rows;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** After a failed load: the schema the restore created goes too, so the folder is as empty as before. */
    private static void dropEverything(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            // The load's own failure is the one to report.
        }
    }

    /** The schema version Flyway recorded, or null when the database has no Gantry schema. */
    private static String schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet exists = statement.executeQuery("SELECT to_regclass('public." + HISTORY + "') IS NOT NULL")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return null;
            }
        }
        String newest = null;
        try (Statement statement = connection.createStatement();
                ResultSet versions = statement.executeQuery(
                        "SELECT version FROM " + HISTORY + " WHERE success AND version IS NOT NULL")) {
            while (versions.next()) {
                String version = versions.getString(1);
                if (newest == null || MigrationVersion.fromVersion(version).isNewerThan(newest)) {
                    newest = version;
                }
            }
        }
        return newest;
    }

    private static MigrationVersion newestMigration(Flyway flyway) {
        MigrationVersion newest = MigrationVersion.EMPTY;
        for (var migration : Flyway.configure()
                .dataSource(flyway.getConfiguration().getDataSource())
                .locations(MIGRATIONS)
                .load()
                .info()
                .all()) {
            if (migration.getVersion() != null && migration.getVersion().isNewerThan(newest.getVersion())) {
                newest = migration.getVersion();
            }
        }
        return newest;
    }

    /** Every table of the public schema but Flyway's history, with its stored (not generated) columns. */
    private static Map<String, List<String>> tables(Connection connection) throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet columns = statement.executeQuery("""
                        SELECT c.relname, a.attname
                          FROM pg_class c
                          JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                         WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
                           AND c.relname <> 'flyway_schema_history' AND a.attgenerated = ''
                         ORDER BY c.relname, a.attnum
                        """)) {
            while (columns.next()) {
                tables.computeIfAbsent(columns.getString(1), table -> new ArrayList<>())
                        .add(columns.getString(2));
            }
        }
        return tables;
    }

    private static Properties sequences(Connection connection) throws SQLException {
        Properties sequences = new Properties();
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        for (String name : names) {
            try (Statement statement = connection.createStatement();
                    ResultSet position = statement.executeQuery("SELECT last_value, is_called FROM " + quoted(name))) {
                position.next();
                sequences.setProperty(name, position.getLong(1) + "," + position.getBoolean(2));
            }
        }
        return sequences;
    }

    private static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(BackupArchive::quoted).toList());
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A temporary folder; the system's cleaner takes what is left.
        }
    }

    /** The zip stays open after one entry is written or read. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class NonClosingInput extends java.io.FilterInputStream {
        NonClosingInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
