package org.ehiaccess.reporting.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ehiaccess.reporting.event.Event;
import org.ehiaccess.reporting.event.EventType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the query tables of one request or complaint from all of its stored events. Because a row is always
 * recomputed from the whole history, the order events arrive in does not matter, and a rebuild gives the same rows.
 * The caller holds a transaction and, per key, {@link #lock} so two deliveries for one request do not interleave.
 */
@ApplicationScoped
public class Projector {

    @Inject
    ObjectMapper json;

    /** Serializes projections of one key (request or complaint) until the transaction ends. */
    public void lock(Connection c, String clinicId, UUID key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")) {
            s.setString(1, clinicId + "/" + key);
            s.execute();
        }
    }

    public void projectRequest(Connection c, String clinicId, UUID requestId) throws SQLException {
        List<Event> events = load(c, "SELECT * FROM event WHERE clinic_id = ? AND request_id = ?", clinicId, requestId);
        RequestFacts f = RequestFacts.fold(events);
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO request_fact (clinic_id, request_id, received_at, channel, requester_type, status, closed_at,
                    legal_basis, exception_code, hipaa_ground, analysis_signed, letter_sent, review_outcome, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (clinic_id, request_id) DO UPDATE SET received_at = excluded.received_at,
                    channel = excluded.channel, requester_type = excluded.requester_type, status = excluded.status,
                    closed_at = excluded.closed_at, legal_basis = excluded.legal_basis,
                    exception_code = excluded.exception_code, hipaa_ground = excluded.hipaa_ground,
                    analysis_signed = excluded.analysis_signed, letter_sent = excluded.letter_sent,
                    review_outcome = excluded.review_outcome, last_sequence = excluded.last_sequence""")) {
            s.setString(1, clinicId);
            s.setObject(2, requestId);
            setInstant(s, 3, f.receivedAt);
            s.setString(4, f.channel);
            s.setString(5, f.requesterType);
            s.setString(6, f.status);
            setInstant(s, 7, f.closedAt);
            s.setString(8, f.legalBasis);
            s.setString(9, f.exceptionCode);
            s.setString(10, f.hipaaGround);
            s.setBoolean(11, f.analysisSigned);
            s.setBoolean(12, f.letterSent);
            s.setString(13, f.reviewOutcome);
            s.setLong(14, f.lastSequence);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM request_clock WHERE clinic_id = ? AND request_id = ?")) {
            s.setString(1, clinicId);
            s.setObject(2, requestId);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO request_clock (clinic_id, request_id, clock, due_at, met_at, missed) VALUES (?, ?, ?, ?, ?, ?)""")) {
            for (Map.Entry<String, RequestFacts.Clock> clock : f.clocks.entrySet()) {
                s.setString(1, clinicId);
                s.setObject(2, requestId);
                s.setString(3, clock.getKey());
                setInstant(s, 4, clock.getValue().dueAt);
                setInstant(s, 5, clock.getValue().metAt);
                s.setBoolean(6, clock.getValue().missed);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    public void projectComplaint(Connection c, String clinicId, UUID complaintId) throws SQLException {
        List<Event> events = load(c, "SELECT * FROM event WHERE clinic_id = ? AND type LIKE 'complaint.%'"
                + " AND data ->> 'complaintId' = ?", clinicId, complaintId);
        ComplaintFacts f = ComplaintFacts.fold(events);
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO complaint_fact (clinic_id, complaint_id, logged_at, source, status, outcome, linked_request_id,
                    last_sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (clinic_id, complaint_id) DO UPDATE SET logged_at = excluded.logged_at,
                    source = excluded.source, status = excluded.status, outcome = excluded.outcome,
                    linked_request_id = excluded.linked_request_id, last_sequence = excluded.last_sequence""")) {
            s.setString(1, clinicId);
            s.setObject(2, complaintId);
            setInstant(s, 3, f.loggedAt);
            s.setString(4, f.source);
            s.setString(5, f.status);
            s.setString(6, f.outcome);
            s.setObject(7, f.linkedRequestId);
            s.setLong(8, f.lastSequence);
            s.executeUpdate();
        }
    }

    private List<Event> load(Connection c, String sql, String clinicId, UUID key) throws SQLException {
        List<Event> events = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, clinicId);
            s.setObject(2, sql.contains("->>") ? key.toString() : key);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    events.add(read(r));
                }
            }
        }
        return events;
    }

    /** An event row read back. */
    public Event read(ResultSet r) throws SQLException {
        try {
            return new Event(r.getObject("event_id", UUID.class), r.getString("clinic_id"),
                    r.getObject("request_id", UUID.class), EventType.of(r.getString("type")).orElseThrow(),
                    r.getLong("sequence"), r.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                    (ObjectNode) json.readTree(r.getString("data")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored event's data is not JSON", e);
        }
    }

    public static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    /** A {@code timestamptz} column as an instant (null stays null). */
    public static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
