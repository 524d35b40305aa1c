package org.ehiaccess.platform.audit;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.platform.clinic.ClinicContext;

/**
 * Records every change to an audited record in the same transaction as the change: who (the signed-in person, or the
 * person a service acts for), when, what, and the values before and after. The service's {@link AuditLog} stores the
 * line; the trail is append-only.
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    ClinicContext clinic;

    @Inject
    Instance<AuditLog> log;

    /** The service's clock when it has one (its tests fix "now"), otherwise the system clock. */
    @Inject
    Instance<Clock> clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String subjectType, Object subjectId, String action, Object before, Object after) {
        Instant at = clock.isResolvable() ? clock.get().instant() : Instant.now();
        log.get().append(new AuditLog.Line(subjectType, String.valueOf(subjectId), action, clinic.actor(), at, before,
                after));
    }
}
