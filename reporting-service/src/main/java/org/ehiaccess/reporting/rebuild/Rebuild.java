package org.ehiaccess.reporting.rebuild;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.reporting.projection.Projector;

/**
 * Empties the query tables and projects them again from the stored events, in one transaction: readers see the old
 * figures until it commits, and deliveries wait (the tables are locked) rather than interleave.
 */
@ApplicationScoped
public class Rebuild {

    @Inject
    DataSource db;

    @Inject
    Projector projector;

    /** What was projected: the events read, the requests and complaints written. */
    public record Result(long events, int requests, int complaints) {
    }

    @Transactional
    public Result run() {
        try (Connection c = db.getConnection()) {
            try (Statement s = c.createStatement()) {
                // blocks deliveries (they insert into event) until the rebuild commits
                s.execute("LOCK TABLE event IN SHARE MODE");
                s.execute("TRUNCATE request_fact, request_clock, complaint_fact");
            }
            long events;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM event")) {
                r.next();
                events = r.getLong(1);
            }
            List<Object[]> requests = keys(c, "SELECT DISTINCT clinic_id, request_id FROM event"
                    + " WHERE request_id IS NOT NULL AND type NOT LIKE 'complaint.%'");
            for (Object[] key : requests) {
                projector.projectRequest(c, (String) key[0], (UUID) key[1]);
            }
            List<Object[]> complaints = keys(c, "SELECT DISTINCT clinic_id, (data ->> 'complaintId')::uuid FROM event"
                    + " WHERE type LIKE 'complaint.%'");
            for (Object[] key : complaints) {
                projector.projectComplaint(c, (String) key[0], (UUID) key[1]);
            }
            return new Result(events, requests.size(), complaints.size());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not rebuild the reports", e);
        }
    }

    private static List<Object[]> keys(Connection c, String sql) throws SQLException {
        List<Object[]> keys = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                keys.add(new Object[] { r.getString(1), r.getObject(2, UUID.class) });
            }
        }
        return keys;
    }
}
