package org.ehiaccess.reporting.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.platform.problem.Problem;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.problem.ProblemType;
import org.ehiaccess.platform.version.Versions;
import org.ehiaccess.reporting.Jdbc;
import org.ehiaccess.reporting.metrics.Period;
import org.ehiaccess.reporting.projection.Projector;

/**
 * A clinic's versioned policies. A draft changes under optimistic locking; approval fixes it for good (a change is a
 * new version), so "which version was in force on a day" always has one answer that never changes afterwards.
 */
@ApplicationScoped
public class PolicyStore {

    /** The shipped template: the right of access (164.524) coordinated with the exceptions (171.200-171.206). */
    public static final String TEMPLATE_KEY = "right-of-access-and-information-blocking";
    static final String TEMPLATE_TITLE = "HIPAA right of access and information blocking";
    static final String TEMPLATE_RESOURCE = "/policies/" + TEMPLATE_KEY + ".md";
    public static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 500_000;
    private static final String TEMPLATE_AUTHOR = "template";

    @Inject
    DataSource db;

    /** Loads the shipped template as a draft the first time a clinic uses its policies (once, even if deleted later). */
    @Transactional
    public void loadTemplate(String clinicId) {
        try (Connection c = db.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO policy_template_loaded (clinic_id,"
                    + " template_key, loaded_at) VALUES (?, ?, now()) ON CONFLICT DO NOTHING")) {
                s.setString(1, clinicId);
                s.setString(2, TEMPLATE_KEY);
                if (s.executeUpdate() == 0) {
                    return;
                }
            }
            if (!versions(c, clinicId, TEMPLATE_KEY).isEmpty()) {
                return;
            }
            insert(c, clinicId, TEMPLATE_KEY, 1, TEMPLATE_TITLE, template(), TEMPLATE_AUTHOR);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load the policy template", e);
        }
    }

    static String template() {
        try (InputStream in = PolicyStore.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The policy template " + TEMPLATE_RESOURCE + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The latest version of each of the clinic's policies. */
    public List<Policy.VersionSummary> latest(String clinicId) {
        return summaries("SELECT DISTINCT ON (policy_key) * FROM policy_version WHERE clinic_id = ?"
                + " ORDER BY policy_key, version DESC", clinicId, null);
    }

    public List<Policy.VersionSummary> versions(String clinicId, String key) {
        key(key);
        List<Policy.VersionSummary> all = summaries("SELECT * FROM policy_version WHERE clinic_id = ?"
                + " AND policy_key = ? ORDER BY version", clinicId, key);
        if (all.isEmpty()) {
            throw ProblemException.notFound("The policy");
        }
        return all;
    }

    public Policy.Version get(String clinicId, String key, int version) {
        key(key);
        try (Connection c = db.getConnection()) {
            return find(c, clinicId, key, version, "").orElseThrow(() -> ProblemException.notFound("The policy version"));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the policy", e);
        }
    }

    /**
     * A new draft: version 1 of a new policy (title and body required), or the next version of an existing one,
     * starting from the latest version's text unless given. Only one draft at a time.
     */
    @Transactional
    public Policy.Version draft(String clinicId, String key, Policy.Draft input, String actor) {
        key(key);
        Policy.Draft given = input == null ? new Policy.Draft(null, null) : input;
        try (Connection c = db.getConnection()) {
            lockPolicy(c, clinicId, key);
            List<Policy.VersionSummary> existing = versions(c, clinicId, key);
            String title = given.title();
            String body = given.body();
            if (!existing.isEmpty()) {
                Policy.VersionSummary last = existing.get(existing.size() - 1);
                if (last.status().equals(Policy.DRAFT)) {
                    throw ProblemException.conflict(ProblemType.CONFLICT, "Version " + last.version()
                            + " of this policy is still a draft: edit or approve it first");
                }
                Policy.Version previous = find(c, clinicId, key, last.version(), "").orElseThrow();
                title = title == null ? previous.title() : title;
                body = body == null ? previous.body() : body;
            }
            validate(title, body);
            int version = existing.size() + 1;
            insert(c, clinicId, key, version, title, body, actor);
            return find(c, clinicId, key, version, "").orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not save the policy", e);
        }
    }

    /** Edits a draft at {@code rowVersion}; an approved version answers 409 locked. */
    @Transactional
    public Policy.Version edit(String clinicId, String key, int version, long rowVersion, Policy.Draft input,
            String actor) {
        key(key);
        if (input == null) {
            throw ProblemException.invalid("title", "the body is required");
        }
        validate(input.title(), input.body());
        try (Connection c = db.getConnection()) {
            lockDraft(c, clinicId, key, version, rowVersion);
            Jdbc.update(c, "UPDATE policy_version SET title = ?, body = ?, updated_by = ?, updated_at = now(),"
                    + " row_version = row_version + 1 WHERE clinic_id = ? AND policy_key = ? AND version = ?",
                    input.title(), input.body(), actor, clinicId, key, version);
            return find(c, clinicId, key, version, "").orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not save the policy", e);
        }
    }

    /**
     * Approves a draft at {@code rowVersion}: in force from {@code effectiveFrom} (default: today in the zone), which
     * may not be in the past nor before an earlier version's, so approval never rewrites what was in force.
     */
    @Transactional
    public Policy.Version approve(String clinicId, String key, int version, long rowVersion, Policy.Approval input,
            String actor) {
        key(key);
        Policy.Approval given = input == null ? new Policy.Approval(null, null) : input;
        ZoneId zone = Period.zone(given.zone());
        LocalDate today = LocalDate.now(zone);
        LocalDate effective = given.effectiveFrom() == null ? today : given.effectiveFrom();
        if (effective.isBefore(today)) {
            throw ProblemException.invalid("effectiveFrom", "must not be before today (" + today + "): an approval"
                    + " cannot change which version was in force in the past");
        }
        try (Connection c = db.getConnection()) {
            lockDraft(c, clinicId, key, version, rowVersion);
            for (Policy.VersionSummary earlier : versions(c, clinicId, key)) {
                if (earlier.effectiveFrom() != null && effective.isBefore(earlier.effectiveFrom())) {
                    throw ProblemException.invalid("effectiveFrom", "must not be before " + earlier.effectiveFrom()
                            + ", when version " + earlier.version() + " comes into force");
                }
            }
            Jdbc.update(c, "UPDATE policy_version SET approver = ?, approved_at = now(), effective_from = ?,"
                    + " row_version = row_version + 1 WHERE clinic_id = ? AND policy_key = ? AND version = ?", actor,
                    effective, clinicId, key, version);
            return find(c, clinicId, key, version, "").orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not approve the policy", e);
        }
    }

    /** The approved version in force on {@code day}: the latest effective on or before it (ties: the later version). */
    public Optional<Policy.Version> inForce(String clinicId, String key, LocalDate day) {
        key(key);
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("SELECT version"
                + " FROM policy_version WHERE clinic_id = ? AND policy_key = ? AND approved_at IS NOT NULL"
                + " AND effective_from <= ? ORDER BY effective_from DESC, version DESC LIMIT 1")) {
            s.setString(1, clinicId);
            s.setString(2, key);
            s.setObject(3, day);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return find(c, clinicId, key, r.getInt(1), "");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the policy", e);
        }
    }

    /** Whether the clinic has approved this version of this policy. */
    public boolean approved(String clinicId, String key, int version) {
        try (Connection c = db.getConnection()) {
            return find(c, clinicId, key, version, "").map(v -> v.status().equals(Policy.APPROVED)).orElse(false);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the policy", e);
        }
    }

    /** 400 naming {@code key} unless it is a policy key (lower-case letters, digits, hyphens). */
    public static void key(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw ProblemException.invalid("key", "must be lower-case letters, digits and hyphens, at most 60");
        }
    }

    private static void validate(String title, String body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (title == null || title.isBlank()) {
            errors.add(new Problem.FieldError("title", "is required"));
        } else if (title.length() > MAX_TITLE) {
            errors.add(new Problem.FieldError("title", "must be at most " + MAX_TITLE + " characters"));
        }
        if (body == null || body.isBlank()) {
            errors.add(new Problem.FieldError("body", "is required (Markdown)"));
        } else if (body.length() > MAX_BODY) {
            errors.add(new Problem.FieldError("body", "must be at most " + MAX_BODY + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** Serializes drafting of one policy of one clinic (a transaction-scoped advisory lock). */
    private static void lockPolicy(Connection c, String clinicId, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            s.setString(1, "policy:" + clinicId + ":" + key);
            s.execute();
        }
    }

    private static void lockDraft(Connection c, String clinicId, String key, int version, long rowVersion)
            throws SQLException {
        Policy.Version stored = find(c, clinicId, key, version, " FOR UPDATE")
                .orElseThrow(() -> ProblemException.notFound("The policy version"));
        if (stored.status().equals(Policy.APPROVED)) {
            throw ProblemException.conflict(ProblemType.LOCKED, "Version " + version + " was approved on "
                    + stored.approvedAt() + " and never changes; draft a new version instead");
        }
        Versions.check("policy draft", rowVersion, stored.rowVersion());
    }

    private static void insert(Connection c, String clinicId, String key, int version, String title, String body,
            String actor) throws SQLException {
        Jdbc.update(c, "INSERT INTO policy_version (clinic_id, policy_key, version, title, body, author, created_at,"
                + " updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, now(), ?, now())", clinicId, key, version, title,
                body, actor, actor);
    }

    private static Optional<Policy.Version> find(Connection c, String clinicId, String key, int version, String lock)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM policy_version WHERE clinic_id = ?"
                + " AND policy_key = ? AND version = ?" + lock)) {
            s.setString(1, clinicId);
            s.setString(2, key);
            s.setInt(3, version);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                Instant approvedAt = Projector.instant(r, "approved_at");
                return Optional.of(new Policy.Version(key, version, r.getString("title"), r.getString("body"),
                        approvedAt == null ? Policy.DRAFT : Policy.APPROVED, r.getString("author"),
                        Projector.instant(r, "created_at"), r.getString("updated_by"), Projector.instant(r, "updated_at"),
                        r.getString("approver"), approvedAt, r.getObject("effective_from", LocalDate.class),
                        r.getLong("row_version")));
            }
        }
    }

    private List<Policy.VersionSummary> summaries(String sql, String clinicId, String key) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, clinicId);
            if (key != null) {
                s.setString(2, key);
            }
            return summaries(s);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the policies", e);
        }
    }

    private static List<Policy.VersionSummary> versions(Connection c, String clinicId, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM policy_version WHERE clinic_id = ?"
                + " AND policy_key = ? ORDER BY version")) {
            s.setString(1, clinicId);
            s.setString(2, key);
            return summaries(s);
        }
    }

    private static List<Policy.VersionSummary> summaries(PreparedStatement s) throws SQLException {
        List<Policy.VersionSummary> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Instant approvedAt = Projector.instant(r, "approved_at");
                out.add(new Policy.VersionSummary(r.getString("policy_key"), r.getInt("version"), r.getString("title"),
                        approvedAt == null ? Policy.DRAFT : Policy.APPROVED, r.getString("author"),
                        r.getString("approver"), approvedAt, r.getObject("effective_from", LocalDate.class)));
            }
        }
        return out;
    }
}
