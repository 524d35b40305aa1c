package org.ehiaccess.reporting.training;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.reporting.Jdbc;
import org.ehiaccess.reporting.projection.Projector;

/** The clinic's training records; every query names the clinic. */
@ApplicationScoped
public class TrainingStore {

    @Inject
    DataSource db;

    @Transactional
    public Training.Record add(String clinicId, Training.Input input, String actor) {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            Jdbc.update(c, "INSERT INTO training_record (id, clinic_id, user_id, course, completed_on, policy_key,"
                    + " policy_version, attested, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, now())",
                    id, clinicId, input.userId(), input.course(), input.completedOn(), input.policyKey(),
                    input.policyVersion(), input.attested(), actor);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the training record", e);
        }
        return list(clinicId, input.userId()).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** The clinic's records (of one staff member when {@code userId} is given), newest first. */
    public List<Training.Record> list(String clinicId, String userId) {
        List<Training.Record> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT * FROM training_record WHERE clinic_id = ?" + (userId == null ? "" : " AND user_id = ?")
                        + " ORDER BY completed_on DESC, recorded_at DESC")) {
            s.setString(1, clinicId);
            if (userId != null) {
                s.setString(2, userId);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Training.Record(r.getObject("id", UUID.class), r.getString("user_id"),
                            r.getString("course"), r.getObject("completed_on", LocalDate.class),
                            r.getString("policy_key"), (Integer) r.getObject("policy_version"), r.getBoolean("attested"),
                            r.getString("recorded_by"), Projector.instant(r, "recorded_at")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the training records", e);
        }
        return out;
    }
}
