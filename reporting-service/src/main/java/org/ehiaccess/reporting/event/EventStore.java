package org.ehiaccess.reporting.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.platform.problem.Problem;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.problem.ProblemType;
import org.ehiaccess.reporting.projection.Projector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Stores delivered events once each ({@code eventId} is the idempotency key) and re-projects the requests and
 * complaints they touch, in one transaction: a delivery counts entirely or not at all.
 */
@ApplicationScoped
public class EventStore {

    @Inject
    DataSource db;

    @Inject
    Projector projector;

    @Inject
    ObjectMapper json;

    /** How many events of a delivery were new, and how many had been received before (and changed nothing). */
    public record Stored(int stored, int duplicates) {
    }

    @Transactional
    public Stored record(List<Event> events) {
        try (Connection c = db.getConnection()) {
            List<Event> fresh = new ArrayList<>();
            Map<UUID, Event> seen = new HashMap<>();
            int duplicates = 0;
            for (Event e : events) {
                Event earlier = seen.putIfAbsent(e.eventId(), e);
                if (earlier != null) {
                    sameOrRefuse(earlier, e);
                    duplicates++;
                    continue;
                }
                if (insert(c, e)) {
                    fresh.add(e);
                } else {
                    // received before (or by a delivery committed meanwhile): it must be the same event
                    sameOrRefuse(find(c, e.eventId()), e);
                    duplicates++;
                }
            }
            // lock every key in one order, so that two deliveries touching the same requests cannot deadlock
            TreeSet<String> keys = new TreeSet<>();
            for (Event e : fresh) {
                keys.add(key(e));
            }
            for (String key : keys) {
                String[] parts = key.split("\\|", 3);
                UUID id = UUID.fromString(parts[2]);
                projector.lock(c, parts[1], id);
                if (parts[0].equals("r")) {
                    projector.projectRequest(c, parts[1], id);
                } else {
                    projector.projectComplaint(c, parts[1], id);
                }
            }
            return new Stored(fresh.size(), duplicates);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store events", e);
        }
    }

    private static String key(Event e) {
        return e.type().aboutRequest ? "r|" + e.clinicId() + "|" + e.requestId()
                : "c|" + e.clinicId() + "|" + e.uuid(DataKey.complaintId);
    }

    /** A re-delivery must be the same event; the same id with other content is a producer's fault, refused. */
    private static void sameOrRefuse(Event stored, Event delivered) {
        boolean same = stored.clinicId().equals(delivered.clinicId())
                && Objects.equals(stored.requestId(), delivered.requestId()) && stored.type() == delivered.type()
                && stored.sequence() == delivered.sequence() && stored.occurredAt().equals(delivered.occurredAt())
                && stored.data().equals(delivered.data());
        if (!same) {
            throw new ProblemException(Problem.of(ProblemType.IDEMPOTENCY_KEY_REUSED, 422, "Event id reused",
                    "Event " + delivered.eventId() + " was received before with other content; nothing was stored"));
        }
    }

    private Event find(Connection c, UUID eventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM event WHERE event_id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? projector.read(r) : null;
            }
        }
    }

    /** True when stored now, false when an event with this id was stored before. */
    private boolean insert(Connection c, Event e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO event (event_id, clinic_id, request_id, type, source, sequence, occurred_at, data)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (event_id) DO NOTHING""")) {
            s.setObject(1, e.eventId());
            s.setString(2, e.clinicId());
            s.setObject(3, e.requestId());
            s.setString(4, e.type().wire);
            s.setString(5, e.type().source.wire);
            s.setLong(6, e.sequence());
            Projector.setInstant(s, 7, e.occurredAt());
            s.setString(8, json.writeValueAsString(e.data()));
            return s.executeUpdate() == 1;
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
