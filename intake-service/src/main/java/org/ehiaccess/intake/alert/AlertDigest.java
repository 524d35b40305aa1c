package org.ehiaccess.intake.alert;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Once a day, turns each digest reader's held alert lines into one message, queued like any other
 * (so it is retried the same way). Claiming the held rows with an UPDATE makes a second replica find
 * nothing to digest.
 */
@ApplicationScoped
public class AlertDigest {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Scheduled(cron = "{intake.alerts.digest-cron}", identity = "alert-digest",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        compose();
    }

    /** Queues one digest per reader with held alerts; returns how many digests were queued. */
    @ActivateRequestContext
    public int compose() {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> readers = em.createNativeQuery("""
                    with held as (
                        update alert_mail set status = 'digested', sent_at = :now
                        where status = 'digest'
                        returning clinic_id, recipient, email, body, created_at)
                    select clinic_id, recipient, email, count(*), string_agg(body, E'\\n\\n' order by created_at)
                    from held group by clinic_id, recipient, email""")
                    .setParameter("now", now).getResultList();
            for (Object[] reader : readers) {
                long count = ((Number) reader[3]).longValue();
                em.createNativeQuery("""
                        insert into alert_mail (id, clinic_id, recipient, email, subject, body, status, created_at,
                                                attempts, next_attempt_at)
                        values (:id, :clinic, :recipient, :email, :subject, :body, 'pending', :now, 0, :now)""")
                        .setParameter("id", UUID.randomUUID()).setParameter("clinic", reader[0])
                        .setParameter("recipient", reader[1]).setParameter("email", reader[2])
                        .setParameter("subject", "Daily deadline digest: " + count + (count == 1 ? " alert" : " alerts"))
                        .setParameter("body", reader[4] + AlertMailbox.FOOTER)
                        .setParameter("now", now).executeUpdate();
            }
            return readers.size();
        });
    }
}
