package org.gantry.server;

import java.util.Arrays;
import org.gantry.server.database.BackupCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GantryApplication {

    public static void main(String[] args) {
        if (BackupCommand.handles(args)) {
            System.exit(BackupCommand.run(args));
        }
        SpringApplication.run(GantryApplication.class, withShortFlags(args));
    }

    /** {@code --demo} is the documented way to ask for the sample project; Spring wants a value. */
    static String[] withShortFlags(String[] args) {
        return Arrays.stream(args)
                .map(arg -> arg.equals("--demo") ? "--gantry.demo=true" : arg)
                .toArray(String[]::new);
    }
}
