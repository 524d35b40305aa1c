package org.ehiaccess.platform.audit;

import java.time.Instant;

/**
 * Where a service keeps its audit trail: its own append-only {@code audit_entry} table, in the value format its
 * audit endpoints show. {@link AuditTrail} calls it inside the transaction of the change.
 */
public interface AuditLog {

    /** One change: what ({@code subjectType}, {@code subjectId}, {@code action}), who, when, before and after. */
    record Line(String subjectType, String subjectId, String action, String actor, Instant at, Object before,
            Object after) {
    }

    void append(Line line);
}
