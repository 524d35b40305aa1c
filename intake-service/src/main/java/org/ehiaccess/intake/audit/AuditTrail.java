package org.ehiaccess.intake.audit;

import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ehiaccess.platform.clinic.ClinicContext;

/** Records changes to settings and complaints in the same transaction as the change. */
@ApplicationScoped
public class AuditTrail {

    @Inject
    ClinicContext clinic;

    @Inject
    Clock clock;

    public void record(String subjectType, String subjectId, String action, Object before, Object after) {
        if (before != null && Objects.equals(before, after)) {
            return;
        }
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.subjectType = subjectType;
        entry.subjectId = subjectId;
        entry.occurredAt = clock.instant();
        entry.actor = clinic.actor();
        entry.action = action;
        entry.beforeValue = before == null ? null : before.toString();
        entry.afterValue = after == null ? null : after.toString();
        entry.persist();
    }
}
