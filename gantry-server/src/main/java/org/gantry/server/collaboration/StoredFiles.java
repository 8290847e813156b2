package org.gantry.server.collaboration;

import java.util.Set;

/**
 * Another feature's files kept in the attachment store (an expense's receipt): its rows are its own, the
 * bytes are the store's. The hourly sweep keeps the files a provider names, and a project's total counts them,
 * so one limit covers every file of a project.
 */
public interface StoredFiles {

    /** Which of these storage keys the feature's rows refer to. */
    Set<String> referenced(String[] keys);

    /** The bytes the feature keeps for the project. */
    long bytesOf(long projectId);
}
