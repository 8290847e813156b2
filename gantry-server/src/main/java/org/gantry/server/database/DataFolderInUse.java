package org.gantry.server.database;

import java.nio.file.Path;

/** Another running Gantry holds the data folder: two servers on one embedded database would corrupt it. */
public class DataFolderInUse extends IllegalStateException {

    private final Path dataFolder;

    DataFolderInUse(Path dataFolder) {
        super("The data folder " + dataFolder + " is in use by another running Gantry server (it holds "
                + dataFolder.resolve(DataFolderLock.FILE_NAME) + "). Stop that server first, or start this one"
                + " with another data folder (GANTRY_DATA_DIR).");
        this.dataFolder = dataFolder;
    }

    public Path dataFolder() {
        return dataFolder;
    }
}
