package org.ehiaccess.intake.audit;

import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ehiaccess.platform.audit.AuditLog;

/** Keeps platform's audit trail of settings and complaints in {@code audit_entry}; a change that changed nothing is not kept. */
@ApplicationScoped
public class AuditEntries implements AuditLog {

    @Override
    public void append(Line line) {
        if (line.before() != null && Objects.equals(line.before(), line.after())) {
            return;
        }
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.subjectType = line.subjectType();
        entry.subjectId = line.subjectId();
        entry.occurredAt = line.at();
        entry.actor = line.actor();
        entry.action = line.action();
        entry.beforeValue = line.before() == null ? null : line.before().toString();
        entry.afterValue = line.after() == null ? null : line.after().toString();
        entry.persist();
    }
}
