package org.ehiaccess.intake.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends queued alert mail over SMTP. A failed send stays queued: it is retried with exponential
 * backoff (1 minute doubling, at most an hour) and its error recorded, so an SMTP outage delays mail
 * and never loses it. Rows are claimed with SKIP LOCKED, so replicas never send the same row.
 */
@ApplicationScoped
public class AlertMailSender {

    private static final Logger LOG = Logger.getLogger(AlertMailSender.class);
    static final int BATCH = 20;
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    @Inject
    EntityManager em;

    @Inject
    Mailer mailer;

    @Inject
    Clock clock;

    @Scheduled(every = "{intake.alerts.mail-every}", identity = "alert-mail",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sendDue();
    }

    /** Sends everything due now; returns how many were sent. */
    @ActivateRequestContext
    public int sendDue() {
        int sent = 0;
        int[] batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::sendBatch);
            sent += batch[0];
        } while (batch[1] == BATCH);
        return sent;
    }

    /** {sent, claimed} */
    private int[] sendBatch() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, email, subject, body, attempts from alert_mail
                where status = 'pending' and next_attempt_at <= :now
                order by next_attempt_at limit :limit
                for update skip locked""")
                .setParameter("now", now).setParameter("limit", BATCH).getResultList();
        int sent = 0;
        for (Object[] row : rows) {
            UUID id = (UUID) row[0];
            try {
                mailer.send(Mail.withText((String) row[1], (String) row[2], (String) row[3]));
                em.createNativeQuery("update alert_mail set status = 'sent', sent_at = :now, last_error = null where id = :id")
                        .setParameter("now", now).setParameter("id", id).executeUpdate();
                sent++;
            } catch (RuntimeException e) {
                int attempts = ((Number) row[4]).intValue() + 1;
                String error = (e.getClass().getSimpleName() + ": " + e.getMessage());
                LOG.warnf("Alert mail %s not sent (attempt %d): %s", id, attempts, error);
                em.createNativeQuery("""
                        update alert_mail set attempts = :attempts, next_attempt_at = :next, last_error = :error
                        where id = :id""")
                        .setParameter("attempts", attempts).setParameter("next", now.plus(backoff(attempts)))
                        .setParameter("error", error.length() > 500 ? error.substring(0, 500) : error)
                        .setParameter("id", id).executeUpdate();
            }
        }
        return new int[] { sent, rows.size() };
    }

    static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 10));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }
}
