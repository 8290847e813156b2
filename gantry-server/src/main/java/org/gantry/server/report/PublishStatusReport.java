package org.gantry.server.report;

/** Publishing a draft: the version the publisher last read, so nobody publishes what they have not seen. */
public record PublishStatusReport(Integer version) {}
