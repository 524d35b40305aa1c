package org.ehiaccess.reporting.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.ehiaccess.reporting.projection.Projector;

/** Reads the query tables of one clinic; every query names the clinic. */
@ApplicationScoped
public class ReportData {

    @Inject
    DataSource db;

    /** A complaint as the figures see it. */
    public record ComplaintRow(UUID id, LocalDate loggedOn, String status, String outcome, UUID linkedRequestId) {
    }

    /** The requests of {@code clinicId} received in [start, end), with their clocks. */
    public List<RequestRow> requests(String clinicId, Instant start, Instant end, ZoneId zone) {
        Map<UUID, Map<String, RequestRow.ClockEnd>> clocks = new HashMap<>();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT k.request_id, k.clock, k.due_at, k.met_at, k.missed FROM request_clock k
                    JOIN request_fact f ON f.clinic_id = k.clinic_id AND f.request_id = k.request_id
                    WHERE f.clinic_id = ? AND f.received_at >= ? AND f.received_at < ?""")) {
                bind(s, clinicId, start, end);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Instant due = instant(r, "due_at");
                        Instant met = instant(r, "met_at");
                        boolean late = r.getBoolean("missed") || (met != null && due != null && met.isAfter(due));
                        RequestRow.ClockEnd end_ = late ? RequestRow.ClockEnd.late
                                : met != null ? RequestRow.ClockEnd.on_time : RequestRow.ClockEnd.open;
                        clocks.computeIfAbsent(r.getObject("request_id", UUID.class), k -> new LinkedHashMap<>())
                                .put(r.getString("clock"), end_);
                    }
                }
            }
            List<RequestRow> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT request_id, received_at, channel, requester_type, status, closed_at, legal_basis,
                        exception_code, analysis_signed, letter_sent FROM request_fact
                    WHERE clinic_id = ? AND received_at >= ? AND received_at < ? ORDER BY received_at, request_id""")) {
                bind(s, clinicId, start, end);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        UUID id = r.getObject("request_id", UUID.class);
                        Instant closed = instant(r, "closed_at");
                        rows.add(new RequestRow(id, instant(r, "received_at").atZone(zone).toLocalDate(),
                                r.getString("channel"), r.getString("requester_type"), r.getString("status"),
                                closed == null ? null : closed.atZone(zone).toLocalDate(), r.getString("legal_basis"),
                                r.getString("exception_code"), r.getBoolean("analysis_signed"),
                                r.getBoolean("letter_sent"), clocks.getOrDefault(id, Map.of())));
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the request figures", e);
        }
    }

    /** The complaints of {@code clinicId} logged in [start, end); all of them when start is null. */
    public List<ComplaintRow> complaints(String clinicId, Instant start, Instant end, ZoneId zone) {
        String sql = "SELECT complaint_id, logged_at, status, outcome, linked_request_id FROM complaint_fact"
                + " WHERE clinic_id = ? AND logged_at IS NOT NULL"
                + (start == null ? "" : " AND logged_at >= ? AND logged_at < ?") + " ORDER BY logged_at, complaint_id";
        List<ComplaintRow> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (start == null) {
                s.setString(1, clinicId);
            } else {
                bind(s, clinicId, start, end);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new ComplaintRow(r.getObject("complaint_id", UUID.class),
                            instant(r, "logged_at").atZone(zone).toLocalDate(), r.getString("status"),
                            r.getString("outcome"), r.getObject("linked_request_id", UUID.class)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the complaint figures", e);
        }
        return rows;
    }

    /** Of {@code requestIds}, those of the clinic with a signed decision. */
    public List<UUID> signed(String clinicId, List<UUID> requestIds) {
        List<UUID> signed = new ArrayList<>();
        if (requestIds.isEmpty()) {
            return signed;
        }
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT request_id FROM request_fact WHERE clinic_id = ? AND analysis_signed AND request_id = ANY (?)")) {
            s.setString(1, clinicId);
            s.setArray(2, c.createArrayOf("uuid", requestIds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    signed.add(r.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the signed decisions", e);
        }
        return signed;
    }

    private static void bind(PreparedStatement s, String clinicId, Instant start, Instant end) throws SQLException {
        s.setString(1, clinicId);
        Projector.setInstant(s, 2, start);
        Projector.setInstant(s, 3, end);
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
