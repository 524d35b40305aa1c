package org.ehiaccess.reporting.projection;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.ehiaccess.reporting.event.DataKey;
import org.ehiaccess.reporting.event.Event;
import org.ehiaccess.reporting.event.EventType;

/** A complaint's state folded from its events in sequence order (the latest wins). */
public final class ComplaintFacts {

    public Instant loggedAt;
    public String source;
    public String status;
    public String outcome;
    public UUID linkedRequestId;
    public long lastSequence;

    public static ComplaintFacts fold(List<Event> events) {
        ComplaintFacts facts = new ComplaintFacts();
        events.stream().sorted(Comparator.comparingLong(Event::sequence).thenComparing(Event::eventId))
                .forEachOrdered(facts::apply);
        return facts;
    }

    private void apply(Event e) {
        lastSequence = Math.max(lastSequence, e.sequence());
        if (e.type() == EventType.COMPLAINT_LOGGED) {
            loggedAt = e.occurredAt();
            source = e.text(DataKey.complaintSource);
            status = e.has(DataKey.complaintStatus) ? e.text(DataKey.complaintStatus) : "open";
        } else if (e.has(DataKey.complaintStatus)) {
            status = e.text(DataKey.complaintStatus);
        }
        if (e.has(DataKey.outcome)) {
            outcome = e.text(DataKey.outcome);
        }
        if (e.has(DataKey.linkedRequestId)) {
            linkedRequestId = e.uuid(DataKey.linkedRequestId);
        }
    }
}
