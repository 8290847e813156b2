package org.gantry.server.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar gantry-server.jar backup FILE} and {@code restore FILE}: the whole of Gantry's data (every
 * table of the database and the attachments folder) to one zip and back, on the database and data folder the
 * server itself would use (the same {@code GANTRY_*} settings). Only the database is started, not the web
 * server or the background jobs; with the embedded database the server must be stopped (the data folder
 * lock says so), with an external one the backup can run beside running instances.
 */
public final class BackupCommand {

    private BackupCommand() {}

    /** Whether {@code args} ask for a maintenance command rather than the server. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    /** Runs the command; returns the process exit code (0 done, 1 refused or failed, 2 wrong usage). */
    public static int run(String[] args) {
        if (args.length != 2) {
            System.err.println("Usage: java -jar gantry-server.jar backup FILE | restore FILE");
            return 2;
        }
        Path file = Path.of(args[1]).toAbsolutePath().normalize();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DatabaseOnly.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run()) {
            DataSource dataSource = context.getBean(DataSource.class);
            Path attachments = attachmentFolder(context.getEnvironment());
            if (args[0].equals("backup")) {
                BackupArchive.Summary summary = BackupArchive.write(dataSource, attachments, file);
                System.out.println("Backed up " + summary + " to " + file);
            } else {
                BackupArchive.Summary summary = BackupArchive.read(file, dataSource, attachments);
                System.out.println("Restored " + summary + " from " + file);
            }
            return 0;
        } catch (BackupArchive.Refused e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (DataFolderInUse e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("The " + args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    /** Where the server keeps attachments: {@code gantry.attachment.dir}, else {@code <data folder>/attachments}. */
    static Path attachmentFolder(Environment environment) {
        String directory = environment.getProperty("gantry.attachment.dir", "");
        return (directory.isBlank()
                        ? Path.of(environment.getProperty("gantry.data-dir", "gantry-data"), "attachments")
                        : Path.of(directory))
                .toAbsolutePath()
                .normalize();
    }

    /** The database and nothing else: no web server, no scheduler, no migration on start. */
    @Configuration(proxyBeanMethods = false)
    @Import(DatabaseConfiguration.class)
    static class DatabaseOnly {}
}
