package org.ehiaccess.platform.outbox;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.ehiaccess.platform.clinic.ClinicContext;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A transactional outbox: {@link #enqueue} writes a message in the transaction of the change it follows from, so the
 * message exists exactly when the change does; {@link OutboxRelay} delivers it afterwards, retrying until it is taken.
 * <p>
 * Each service that uses it ships the table {@code outbox} in its own Flyway migrations (like {@code idempotency_key}):
 * <pre>
 * create table outbox (
 *     seq             bigserial   primary key,   -- delivery order within an ordering key
 *     id              uuid        not null unique, -- the receiver's idempotency key
 *     clinic_id       text        not null,
 *     destination     text        not null,      -- an {@link OutboxDestination#name()}
 *     kind            text        not null,      -- what happened, e.g. assessment.signed
 *     ordering_key    text        not null,      -- e.g. the request id: delivered in order per key
 *     subject         text,                      -- e.g. the assessment id
 *     actor           text        not null,      -- who made the change
 *     payload         jsonb       not null,
 *     created_at      timestamptz not null,
 *     attempts        integer     not null default 0,
 *     next_attempt_at timestamptz not null,
 *     last_attempt_at timestamptz,
 *     last_error      text,                      -- plain reason, never payload content
 *     delivered_at    timestamptz);
 * </pre>
 * Delivered rows are kept (they are the history a receiver can be rebuilt from).
 */
@ApplicationScoped
public class Outbox {

    static final String COLUMNS = columns("");

    /** The columns {@link #message} reads, with {@code prefix} (e.g. {@code "o."}) before each. */
    static String columns(String prefix) {
        return java.util.stream.Stream.of("id", "seq", "clinic_id", "destination", "kind", "ordering_key", "subject",
                "actor", "payload::text", "created_at", "attempts", "next_attempt_at", "last_attempt_at", "last_error",
                "delivered_at").map(c -> prefix + c).collect(java.util.stream.Collectors.joining(", "));
    }

    @Inject
    EntityManager em;

    @Inject
    ClinicContext clinic;

    @Inject
    ObjectMapper json;

    /**
     * Writes a message for the current clinic, by the current actor, in the caller's transaction (there must be one).
     * Messages with the same destination and ordering key are delivered in the order their transactions commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(String destination, String kind, String orderingKey, String subject, Object payload) {
        String clinicId = clinic.clinicId();
        // one writer per ordering key at a time, so that sequence order is commit order for that key
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:key))) as locked")
                .setParameter("key", "outbox/" + clinicId + "/" + destination + "/" + orderingKey).getSingleResult();
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        em.createNativeQuery("""
                insert into outbox (id, clinic_id, destination, kind, ordering_key, subject, actor, payload, created_at,
                                    attempts, next_attempt_at)
                values (:id, :clinic, :destination, :kind, :key, :subject, :actor, cast(:payload as jsonb), :now, 0, :now)""")
                .setParameter("id", id).setParameter("clinic", clinicId).setParameter("destination", destination)
                .setParameter("kind", kind).setParameter("key", orderingKey).setParameter("subject", subject)
                .setParameter("actor", clinic.actor()).setParameter("payload", write(payload))
                .setParameter("now", now)
                .executeUpdate();
        return id;
    }

    /** The current clinic's messages to {@code destination} about {@code orderingKey}, oldest first. */
    @Transactional
    public List<OutboxMessage> messages(String destination, String orderingKey) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select " + COLUMNS + " " + """
                 from outbox where clinic_id = :clinic and destination = :destination and ordering_key = :key
                 order by seq""")
                .setParameter("clinic", clinic.clinicId()).setParameter("destination", destination)
                .setParameter("key", orderingKey).getResultList();
        return rows.stream().map(Outbox::message).toList();
    }

    static OutboxMessage message(Object[] r) {
        return new OutboxMessage(uuid(r[0]), ((Number) r[1]).longValue(), (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], (String) r[7], (String) r[8], instant(r[9]), ((Number) r[10]).intValue(),
                instant(r[11]), instant(r[12]), (String) r[13], instant(r[14]));
    }

    static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getName());
    }

    private String write(Object payload) {
        if (payload instanceof String text) {
            return text;
        }
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the outbox payload as JSON", e);
        }
    }
}
