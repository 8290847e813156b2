package org.gantry.server.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * A filter on the audit log; every part optional. {@code person} is a user id (as actor or subject)
 * or part of an e-mail; the dates are whole days in UTC, both included.
 */
public record AuditQuery(String person, List<AuditKind> kinds, LocalDate from, LocalDate to, int page, int size) {}
