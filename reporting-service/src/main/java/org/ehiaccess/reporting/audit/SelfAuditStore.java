package org.ehiaccess.reporting.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.problem.ProblemType;
import org.ehiaccess.platform.version.Versions;
import org.ehiaccess.reporting.Jdbc;
import org.ehiaccess.reporting.projection.Projector;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A clinic's self-audit checklist, its history and completions; every query names the clinic. */
@ApplicationScoped
public class SelfAuditStore {

    static final String CHECKLIST = "/self-audit/checklist.json";

    @Inject
    DataSource db;

    @Inject
    ObjectMapper json;

    /** A shipped task, as the checklist resource lists it. */
    record Seed(String key, String task, String responsibleRole, String roleAsWritten, SelfAudit.Frequency frequency,
            String cfr) {
    }

    List<Seed> seeds() {
        try (InputStream in = SelfAuditStore.class.getResourceAsStream(CHECKLIST)) {
            if (in == null) {
                throw new IllegalStateException("The checklist " + CHECKLIST + " is missing");
            }
            return json.readValue(in, new TypeReference<List<Seed>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the shipped tasks the first time a clinic opens its checklist, starting on {@code today}. */
    @Transactional
    public void loadChecklist(String clinicId, LocalDate today) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_checklist_loaded (clinic_id, loaded_at)"
                    + " VALUES (?, now()) ON CONFLICT DO NOTHING")) {
                s.setString(1, clinicId);
                if (s.executeUpdate() == 0) {
                    return;
                }
            }
            for (Seed seed : seeds()) {
                insert(c, clinicId, seed.key(), seed.task(), seed.responsibleRole(), seed.frequency(), seed.cfr(),
                        today, "template");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load the checklist", e);
        }
    }

    @Transactional
    public UUID add(String clinicId, SelfAudit.NewTask input, LocalDate today, String actor) {
        try (Connection c = db.getConnection()) {
            return insert(c, clinicId, null, input.task(), input.responsibleRole(), input.frequency(), input.cfr(),
                    today, actor);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not add the task", e);
        }
    }

    /** The clinic's tasks scheduled on {@code asOf}, in the order added. */
    public List<SelfAudit.Task> tasks(String clinicId, LocalDate asOf, boolean withRetired) {
        try (Connection c = db.getConnection()) {
            return tasks(c, clinicId, null, asOf, withRetired);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the checklist", e);
        }
    }

    public SelfAudit.Task task(String clinicId, UUID id, LocalDate asOf) {
        try (Connection c = db.getConnection()) {
            return tasks(c, clinicId, id, asOf, true).stream().findFirst()
                    .orElseThrow(() -> ProblemException.notFound("The task"));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the task", e);
        }
    }

    /** Changes a task's frequency at {@code version}; the history keeps the old one. */
    @Transactional
    public void frequency(String clinicId, UUID id, long version, SelfAudit.Frequency frequency, String actor) {
        try (Connection c = db.getConnection()) {
            String before = lock(c, clinicId, id, version).frequency().name();
            Jdbc.update(c, "UPDATE audit_task SET frequency = ?, version = version + 1 WHERE clinic_id = ? AND id = ?",
                    frequency.name(), clinicId, id);
            history(c, clinicId, id, actor, "frequency_changed", before, frequency.name());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change the task", e);
        }
    }

    /** Retires a task at {@code version} (kept, with its completions, but no longer scheduled). */
    @Transactional
    public void retire(String clinicId, UUID id, long version, LocalDate today, String actor) {
        try (Connection c = db.getConnection()) {
            lock(c, clinicId, id, version);
            Jdbc.update(c, "UPDATE audit_task SET retired_on = ?, version = version + 1 WHERE clinic_id = ? AND id = ?",
                    today, clinicId, id);
            history(c, clinicId, id, actor, "retired", null, today.toString());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not retire the task", e);
        }
    }

    public List<SelfAudit.HistoryEntry> history(String clinicId, UUID id) {
        try (Connection c = db.getConnection()) {
            if (tasks(c, clinicId, id, LocalDate.now(), true).isEmpty()) {
                throw ProblemException.notFound("The task");
            }
            List<SelfAudit.HistoryEntry> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT at, actor, change, before, after FROM"
                    + " audit_task_history WHERE clinic_id = ? AND task_id = ? ORDER BY id")) {
                s.setString(1, clinicId);
                s.setObject(2, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new SelfAudit.HistoryEntry(Projector.instant(r, "at"), r.getString("actor"),
                                r.getString("change"), r.getString("before"), r.getString("after")));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the task's history", e);
        }
    }

    /** Records a completion of an active task. */
    @Transactional
    public SelfAudit.Done complete(String clinicId, UUID taskId, SelfAudit.Completion input, String actor) {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection()) {
            SelfAudit.Task task = tasks(c, clinicId, taskId, input.completedOn(), true).stream().findFirst()
                    .orElseThrow(() -> ProblemException.notFound("The task"));
            if (task.retiredOn() != null) {
                throw ProblemException.conflict(ProblemType.CONFLICT, "The task was retired on " + task.retiredOn());
            }
            Jdbc.update(c, "INSERT INTO audit_completion (id, clinic_id, task_id, completed_on, note, evidence_link,"
                    + " completed_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, now())", id, clinicId, taskId,
                    input.completedOn(), input.note(), input.evidenceLink(), actor);
            return completions(c, clinicId, null, id).get(0);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the completion", e);
        }
    }

    public List<SelfAudit.Done> completions(String clinicId, UUID taskId) {
        try (Connection c = db.getConnection()) {
            if (tasks(c, clinicId, taskId, LocalDate.now(), true).isEmpty()) {
                throw ProblemException.notFound("The task");
            }
            return completions(c, clinicId, taskId, null);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the completions", e);
        }
    }

    /** Attaches the evidence file to a completion, once: a completion's evidence never changes afterwards. */
    @Transactional
    public SelfAudit.Done attach(String clinicId, UUID completionId, String name, String type, byte[] content) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("SELECT file_sha256 FROM audit_completion"
                    + " WHERE clinic_id = ? AND id = ? FOR UPDATE")) {
                s.setString(1, clinicId);
                s.setObject(2, completionId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw ProblemException.notFound("The completion");
                    }
                    if (r.getString(1) != null) {
                        throw ProblemException.conflict(ProblemType.LOCKED, "This completion already has its evidence"
                                + " file; record another completion to add more");
                    }
                }
            }
            Jdbc.update(c, "UPDATE audit_completion SET file_name = ?, file_type = ?, file_size = ?, file_sha256 = ?,"
                    + " file_content = ? WHERE clinic_id = ? AND id = ?", name, type, (long) content.length,
                    sha256(content), content, clinicId, completionId);
            return completions(c, clinicId, null, completionId).get(0);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store the evidence", e);
        }
    }

    /** The evidence file: name, type and content. */
    public record File(String name, String type, byte[] content) {
    }

    public Optional<File> file(String clinicId, UUID completionId) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT file_name, file_type,"
                + " file_content FROM audit_completion WHERE clinic_id = ? AND id = ? AND file_content IS NOT NULL")) {
            s.setString(1, clinicId);
            s.setObject(2, completionId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new File(r.getString(1), r.getString(2), r.getBytes(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the evidence", e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID insert(Connection c, String clinicId, String seedKey, String task, String role,
            SelfAudit.Frequency frequency, String cfr, LocalDate startsOn, String actor) throws SQLException {
        UUID id = UUID.randomUUID();
        Jdbc.update(c, "INSERT INTO audit_task (id, clinic_id, seed_key, task, responsible_role, frequency, cfr,"
                + " starts_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, clinicId, seedKey, task, role, frequency.name(),
                cfr, startsOn);
        history(c, clinicId, id, actor, "added", null, frequency.name());
        return id;
    }

    private static SelfAudit.Task lock(Connection c, String clinicId, UUID id, long version) throws SQLException {
        SelfAudit.Task task = tasks(c, clinicId, id, LocalDate.now(), true, " FOR UPDATE OF t").stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("The task"));
        if (task.retiredOn() != null) {
            throw ProblemException.conflict(ProblemType.CONFLICT, "The task was retired on " + task.retiredOn());
        }
        Versions.check("task", version, task.version());
        return task;
    }

    private static void history(Connection c, String clinicId, UUID id, String actor, String change, String before,
            String after) throws SQLException {
        Jdbc.update(c, "INSERT INTO audit_task_history (clinic_id, task_id, at, actor, change, before, after)"
                + " VALUES (?, ?, now(), ?, ?, ?, ?)", clinicId, id, actor, change, before, after);
    }

    private static List<SelfAudit.Task> tasks(Connection c, String clinicId, UUID id, LocalDate asOf,
            boolean withRetired) throws SQLException {
        return tasks(c, clinicId, id, asOf, withRetired, "");
    }

    /** Tasks with their last completion on or before {@code asOf}, and the due date that follows from it. */
    private static List<SelfAudit.Task> tasks(Connection c, String clinicId, UUID id, LocalDate asOf,
            boolean withRetired, String lock) throws SQLException {
        List<SelfAudit.Task> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT t.*, (SELECT max(completed_on) FROM audit_completion d"
                + " WHERE d.clinic_id = t.clinic_id AND d.task_id = t.id AND d.completed_on <= ?) AS last_done"
                + " FROM audit_task t WHERE t.clinic_id = ?" + (id == null ? "" : " AND t.id = ?")
                + (withRetired ? "" : " AND t.retired_on IS NULL") + " ORDER BY t.starts_on, t.seed_key NULLS LAST, t.id"
                + lock)) {
            s.setObject(1, asOf);
            s.setString(2, clinicId);
            if (id != null) {
                s.setObject(3, id);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    SelfAudit.Frequency frequency = SelfAudit.Frequency.valueOf(r.getString("frequency"));
                    LocalDate start = r.getObject("starts_on", LocalDate.class);
                    LocalDate last = r.getObject("last_done", LocalDate.class);
                    LocalDate retired = r.getObject("retired_on", LocalDate.class);
                    LocalDate due = retired != null ? null : (last == null ? start : last).plusMonths(frequency.months);
                    out.add(new SelfAudit.Task(r.getObject("id", UUID.class), r.getString("seed_key"),
                            r.getString("task"), r.getString("responsible_role"), frequency, r.getString("cfr"),
                            start, retired, last, due, due != null && due.isBefore(asOf), r.getLong("version")));
                }
            }
        }
        return out;
    }

    private static List<SelfAudit.Done> completions(Connection c, String clinicId, UUID taskId, UUID id)
            throws SQLException {
        List<SelfAudit.Done> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT id, task_id, completed_on, note, evidence_link,"
                + " completed_by, recorded_at, file_name, file_type, file_size, file_sha256 FROM audit_completion"
                + " WHERE clinic_id = ? AND " + (id == null ? "task_id = ?" : "id = ?")
                + " ORDER BY completed_on DESC, recorded_at DESC")) {
            s.setString(1, clinicId);
            s.setObject(2, id == null ? taskId : id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new SelfAudit.Done(r.getObject("id", UUID.class), r.getObject("task_id", UUID.class),
                            r.getObject("completed_on", LocalDate.class), r.getString("note"),
                            r.getString("evidence_link"), r.getString("completed_by"), Projector.instant(r, "recorded_at"),
                            r.getString("file_name"), r.getString("file_type"), (Long) r.getObject("file_size"),
                            r.getString("file_sha256")));
                }
            }
        }
        return out;
    }
}
