package org.ehiaccess.platform.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the outbox: something a service must tell another service, written in the same transaction as the change
 * it follows from. {@code id} is the idempotency key the receiver applies it by (once); {@code orderingKey} (e.g. the
 * request id) keeps the messages about one thing in order; {@code payload} is JSON. {@code lastError} is a plain reason
 * (a status, "could not be reached"), never content from the payload.
 */
public record OutboxMessage(UUID id, long sequence, String clinicId, String destination, String kind,
        String orderingKey, String subject, String actor, String payload, Instant createdAt, int attempts,
        Instant nextAttemptAt, Instant lastAttemptAt, String lastError, Instant deliveredAt) {

    public boolean delivered() {
        return deliveredAt != null;
    }
}
