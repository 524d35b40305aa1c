package org.ehiaccess.reporting.projection;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ehiaccess.reporting.event.DataKey;
import org.ehiaccess.reporting.event.Event;

/**
 * A request's state folded from all its events: each producer's events in its own sequence order, so that a later
 * event wins whatever order they arrived in (intake-service and decision-service set different fields).
 */
public final class RequestFacts {

    /** The statuses that answer a request (for days to fulfill and closing). */
    static final Set<String> CLOSING = Set.of("fulfilled", "partially_fulfilled", "denied", "withdrawn");

    public Instant receivedAt;
    public String channel;
    public String requesterType;
    public String status;
    public Instant closedAt;
    public String legalBasis;
    public String exceptionCode;
    public String hipaaGround;
    public boolean analysisSigned;
    public boolean letterSent;
    public String reviewOutcome;
    public long lastSequence;
    public final Map<String, Clock> clocks = new LinkedHashMap<>();

    /** A clock's deadline and end. */
    public static final class Clock {
        public Instant dueAt;
        public Instant metAt;
        public boolean missed;
    }

    public static RequestFacts fold(List<Event> events) {
        RequestFacts facts = new RequestFacts();
        events.stream()
                .sorted(Comparator.comparing((Event e) -> e.type().source).thenComparingLong(Event::sequence)
                        .thenComparing(Event::eventId))
                .forEachOrdered(facts::apply);
        return facts;
    }

    private void apply(Event e) {
        lastSequence = Math.max(lastSequence, e.sequence());
        switch (e.type()) {
            case REQUEST_RECEIVED -> {
                receivedAt = e.occurredAt();
                channel = e.text(DataKey.channel);
                requesterType = e.text(DataKey.requesterType);
                status = e.has(DataKey.status) ? e.text(DataKey.status) : (status == null ? "received" : status);
            }
            case REQUEST_CHANGED -> {
                if (e.has(DataKey.channel)) {
                    channel = e.text(DataKey.channel);
                }
                if (e.has(DataKey.requesterType)) {
                    requesterType = e.text(DataKey.requesterType);
                }
            }
            case REQUEST_STATUS_CHANGED -> {
                status = e.text(DataKey.status);
                closedAt = CLOSING.contains(status) ? e.occurredAt() : null;
            }
            case CLOCK_STARTED -> {
                // a restart (an extension) sets a new deadline: the clock is judged against that one
                Clock clock = new Clock();
                clock.dueAt = e.instant(DataKey.dueAt);
                clocks.put(e.text(DataKey.clock), clock);
            }
            case CLOCK_MET -> clocks.computeIfAbsent(e.text(DataKey.clock), k -> new Clock()).metAt = e.occurredAt();
            case CLOCK_MISSED -> {
                Clock clock = clocks.computeIfAbsent(e.text(DataKey.clock), k -> new Clock());
                clock.missed = true;
                if (clock.dueAt == null) {
                    clock.dueAt = e.instant(DataKey.dueAt);
                }
            }
            case ASSESSMENT_SIGNED -> {
                analysisSigned = true;
                legalBasis = e.text(DataKey.legalBasis);
                exceptionCode = e.text(DataKey.exceptionCode);
                hipaaGround = e.text(DataKey.hipaaGround);
            }
            case LETTER_SENT -> letterSent = true;
            case REVIEW_DECIDED -> reviewOutcome = e.text(DataKey.reviewOutcome);
            default -> {
                // kept in the event store; no figure uses them yet
            }
        }
    }
}
