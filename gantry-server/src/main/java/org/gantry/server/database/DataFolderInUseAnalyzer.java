package org.gantry.server.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused start into Spring Boot's short "APPLICATION FAILED TO START" report. */
class DataFolderInUseAnalyzer extends AbstractFailureAnalyzer<DataFolderInUse> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataFolderInUse cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Stop the other Gantry server that uses " + cause.dataFolder()
                        + ", or set GANTRY_DATA_DIR to another folder.",
                cause);
    }
}
