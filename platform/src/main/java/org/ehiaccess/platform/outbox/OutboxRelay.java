package org.ehiaccess.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

import org.ehiaccess.platform.clinic.ClinicContext;
import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Delivers the outbox. A service calls {@link #relayDue()} from its own {@code @Scheduled} job; several replicas may run
 * it at once: each message is claimed with {@code FOR UPDATE SKIP LOCKED}, so only one replica sends it at a time, and
 * only the oldest undelivered message of an ordering key is ever claimed, so one key's messages go out in order (a
 * failing message holds back the later ones of its key, not the other keys). Each clinic is relayed separately, with
 * the clinic named explicitly ({@link ClinicContext#actFor}).
 * <p>
 * A message is marked delivered in the transaction that claimed it, after the destination took it. If the process dies
 * between the two, the message is sent again later with the same id, which the receiver applies once. A failure is
 * retried after {@link Backoff#after} (1 minute, doubling, at most 1 hour); {@link #relayNow()} ignores the wait.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final int BATCH = 20;
    /** A batch holds its rows while it sends; each destination call has its own, shorter, timeouts. */
    static final Duration BATCH_TIMEOUT = Duration.ofMinutes(5);

    @Inject
    EntityManager em;

    @Inject
    ClinicContext clinic;

    @Inject
    Instance<OutboxDestination> destinations;

    @Inject
    TransactionManager transactions;

    /** Delivers every message that is due, clinic by clinic. Returns how many were delivered. */
    public int relayDue() {
        return relay(Instant.now());
    }

    /** Delivers every undelivered message now, whatever its backoff (tests, an operator after an outage). */
    public int relayNow() {
        return relay(Instant.now().plus(3650, ChronoUnit.DAYS));
    }

    /**
     * One attempt, now, at the current clinic's undelivered messages to {@code destination} about {@code orderingKey}
     * (e.g. right after the change that wrote them), whatever their backoff. Returns how many were delivered.
     */
    public int deliverNow(String destination, String orderingKey) {
        return inRequestContext(() -> deliverClinic(clinic.clinicId(), destination, orderingKey,
                Instant.now().plus(3650, ChronoUnit.DAYS)));
    }

    private int relay(Instant dueBy) {
        if (destinations.isUnsatisfied()) {
            return 0;
        }
        return inRequestContext(() -> {
            @SuppressWarnings("unchecked")
            List<String> clinics = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                    select distinct clinic_id from outbox where delivered_at is null and next_attempt_at <= :due""")
                    .setParameter("due", dueBy).getResultList());
            int delivered = 0;
            for (String clinicId : clinics) {
                clinic.actFor(clinicId);
                delivered += deliverClinic(clinicId, null, null, dueBy);
            }
            return delivered;
        });
    }

    /** Batches until nothing of this clinic (and destination/key, when given) is due and unclaimed. */
    private int deliverClinic(String clinicId, String destination, String orderingKey, Instant dueBy) {
        int delivered = 0;
        for (int round = 0; round < 1000; round++) {
            Batch batch = QuarkusTransaction.requiringNew().timeout((int) BATCH_TIMEOUT.toSeconds())
                    .call(() -> deliverBatch(clinicId, destination, orderingKey, dueBy));
            delivered += batch.delivered();
            // a delivered message may make the next one of its key the head: go on while anything got through
            // (a failed head holds back its key, so a round that delivered nothing would find nothing new)
            if (batch.delivered() == 0) {
                break;
            }
        }
        return delivered;
    }

    record Batch(int claimed, int delivered) {
    }

    private Batch deliverBatch(String clinicId, String destination, String orderingKey, Instant dueBy) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + Outbox.columns("o.") + " " + """
                 from outbox o
                 where o.clinic_id = :clinic and o.delivered_at is null and o.next_attempt_at <= :due
                   and (cast(:destination as text) is null or o.destination = :destination)
                   and (cast(:key as text) is null or o.ordering_key = :key)
                   and not exists (select 1 from outbox e where e.clinic_id = o.clinic_id
                                   and e.destination = o.destination and e.ordering_key = o.ordering_key
                                   and e.delivered_at is null and e.seq < o.seq)
                 order by o.seq
                 limit :batch
                 for update of o skip locked""")
                .setParameter("clinic", clinicId).setParameter("due", dueBy)
                .setParameter("destination", destination).setParameter("key", orderingKey)
                .setParameter("batch", BATCH).getResultList();
        Map<String, OutboxDestination> byName = destinations.stream()
                .collect(Collectors.toMap(OutboxDestination::name, Function.identity(), (a, b) -> a));
        int delivered = 0;
        for (Object[] row : rows) {
            OutboxMessage message = Outbox.message(row);
            OutboxDestination to = byName.get(message.destination());
            String failure;
            try {
                if (to == null) {
                    throw new DeliveryFailure("this service has no destination named " + message.destination());
                }
                deliverOutsideTheTransaction(to, message);
                failure = null;
            } catch (DeliveryFailure e) {
                failure = e.reason();
            } catch (RuntimeException e) {
                // the exception's message may quote the payload: only its type is kept
                failure = "unexpected error (" + e.getClass().getSimpleName() + ")";
            }
            Instant now = Instant.now();
            if (failure == null) {
                em.createNativeQuery("""
                        update outbox set delivered_at = :now, last_attempt_at = :now, attempts = attempts + 1,
                               last_error = null where id = :id""")
                        .setParameter("now", now).setParameter("id", message.id()).executeUpdate();
                delivered++;
            } else {
                int failures = message.attempts() + 1;
                em.createNativeQuery("""
                        update outbox set last_attempt_at = :now, attempts = :attempts, next_attempt_at = :next,
                               last_error = :error where id = :id""")
                        .setParameter("now", now).setParameter("attempts", failures)
                        .setParameter("next", now.plus(Backoff.after(failures)))
                        .setParameter("error", failure.length() > 500 ? failure.substring(0, 500) : failure)
                        .setParameter("id", message.id()).executeUpdate();
                LOG.warnf("Outbox message %s (%s to %s, clinic %s) not delivered, attempt %d: %s", message.id(),
                        message.kind(), message.destination(), clinicId, failures, failure);
            }
        }
        return new Batch(rows.size(), delivered);
    }

    /**
     * The call to another service is no part of the batch's transaction (whose row locks stay held meanwhile): a REST
     * client would otherwise carry the transaction to its own threads, and a call that fails fast (nothing listening)
     * could leave one of them still inside it when the batch commits, which then fails and loses the batch's marks.
     */
    private void deliverOutsideTheTransaction(OutboxDestination to, OutboxMessage message) {
        Transaction batch;
        try {
            batch = transactions.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException("Cannot suspend the outbox batch's transaction", e);
        }
        try {
            to.deliver(message);
        } finally {
            try {
                transactions.resume(batch);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot resume the outbox batch's transaction", e);
            }
        }
    }

    private static int inRequestContext(java.util.function.IntSupplier work) {
        ManagedContext context = Arc.container().requestContext();
        if (context.isActive()) {
            return work.getAsInt();
        }
        context.activate();
        try {
            return work.getAsInt();
        } finally {
            context.terminate();
        }
    }
}
