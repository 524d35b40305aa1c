package org.ehiaccess.platform.reporting;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.platform.outbox.Outbox;

/**
 * Domain events for reporting-service, written to the outbox in the transaction of the change they describe (so an
 * event exists exactly when its change does) and delivered by {@link ReportingDestination}. The event's id is the
 * outbox row's id (reporting-service's idempotency key) and its sequence the row's {@code seq}: written under the
 * outbox's lock per ordering key, so it increases in commit order for each request.
 * <p>
 * The data holds ids, codes and instants only, as strings; never names or free text (reporting-service refuses
 * any key its contract does not list). Callers name the event type and keys of that contract.
 */
@ApplicationScoped
public class ReportingEvents {

    public static final String DESTINATION = "reporting";
    /** The prefix of complaint events, which name no request (their ordering key is the complaint). */
    static final String COMPLAINT = "complaint.";

    /** What the outbox row's payload holds; the clinic, id and sequence come from the row itself. */
    public record Payload(String type, UUID requestId, String occurredAt, Map<String, String> data) {
    }

    @Inject
    Outbox outbox;

    /** An event about a request, happening now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String type, UUID requestId, Map<String, ?> data) {
        return publish(type, requestId, Instant.now(), data);
    }

    /** An event about a request that happened at {@code occurredAt} (e.g. a request received yesterday by fax). */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String type, UUID requestId, Instant occurredAt, Map<String, ?> data) {
        if (requestId == null || type.startsWith(COMPLAINT)) {
            throw new IllegalArgumentException(type + " must name a request (complaints use publishComplaint)");
        }
        return enqueue(type, requestId, requestId.toString(), occurredAt, data);
    }

    /** A complaint event: no request (a linked one goes in the data), ordered per complaint. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publishComplaint(String type, UUID complaintId, Instant occurredAt, Map<String, ?> data) {
        if (!type.startsWith(COMPLAINT)) {
            throw new IllegalArgumentException(type + " is not a complaint event");
        }
        return enqueue(type, null, "complaint:" + complaintId, occurredAt, data);
    }

    private UUID enqueue(String type, UUID requestId, String orderingKey, Instant occurredAt, Map<String, ?> data) {
        Map<String, String> values = new LinkedHashMap<>();
        // a null value is sent as null (e.g. a complaint unlinked from its request), so callers leave out what is unknown
        data.forEach((key, value) -> values.put(key, value == null ? null : value.toString()));
        return outbox.enqueue(DESTINATION, type, orderingKey, null,
                new Payload(type, requestId, occurredAt.toString(), values));
    }
}
