package org.ehiaccess.decision.matrix;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.ehiaccess.decision.audit.AuditTrail;
import org.ehiaccess.decision.engine.DecisionEngine;
import org.ehiaccess.decision.clinic.ClinicLocks;
import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.problem.Problem.FieldError;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.version.Versions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The clinic's Denial Reason Matrix: its own rows once a clinic administrator saves them, the shipped defaults until
 * then and after a reset. Every save and reset is audited with the rows before and after.
 */
@ApplicationScoped
public class DenialReasonService {

    private final DefaultMatrix defaults = DefaultMatrix.load();

    @Inject
    DecisionEngine engine;

    @Inject
    ClinicContext clinic;

    @Inject
    ClinicLocks locks;

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper json;

    /** The matrix as the API shows it. */
    public record Matrix(long version, boolean customised, String defaultsVersion, List<DenialReason> rows) {
    }

    public DefaultMatrix defaults() {
        return defaults;
    }

    public Matrix current() {
        return view(DenialReasonMatrix.current());
    }

    /** Replaces the clinic's rows; {@code expectedVersion} is the version the administrator edited. */
    @Transactional
    public Matrix save(List<DenialReason> rows, long expectedVersion) {
        List<FieldError> errors = new MatrixValidator(engine.catalog().current()).validate(rows);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        locks.lock("denial-reasons");
        DenialReasonMatrix stored = DenialReasonMatrix.current();
        Matrix before = view(stored);
        Versions.check("Denial Reason Matrix", expectedVersion, before.version());
        if (stored == null) {
            stored = new DenialReasonMatrix();
            stored.id = UUID.randomUUID();
        }
        stored.customised = true;
        stored.rows = write(rows);
        touch(stored);
        Matrix after = view(stored);
        audit.record(AuditTrail.DENIAL_REASONS, "matrix", "saved", before, after);
        return after;
    }

    /** Back to the shipped defaults. */
    @Transactional
    public Matrix reset(OptionalLong expectedVersion) {
        locks.lock("denial-reasons");
        DenialReasonMatrix stored = DenialReasonMatrix.current();
        Matrix before = view(stored);
        expectedVersion.ifPresent(v -> Versions.check("Denial Reason Matrix", v, before.version()));
        if (stored == null) {
            stored = new DenialReasonMatrix();
            stored.id = UUID.randomUUID();
        }
        stored.customised = false;
        stored.rows = null;
        touch(stored);
        Matrix after = view(stored);
        audit.record(AuditTrail.DENIAL_REASONS, "matrix", "reset_to_defaults", before, after);
        return after;
    }

    /**
     * The rows that fit a worksheet's practice, best first: a row matches when none of its set values contradicts a
     * given one and at least one of them agrees (a shared motive counts most, being the most specific, then the claimed basis, then the practice type).
     */
    public Matrix suggestions(String practiceType, String claimedBasis, List<String> motives) {
        validateQuery(practiceType, claimedBasis, motives);
        Matrix matrix = current();
        record Scored(DenialReason row, int score, int order) {
        }
        List<Scored> matches = new ArrayList<>();
        for (int i = 0; i < matrix.rows().size(); i++) {
            DenialReason row = matrix.rows().get(i);
            int score = 0;
            boolean contradicts = false;
            if (claimedBasis != null && row.claimedBasis() != null) {
                if (row.claimedBasis().equals(claimedBasis)) {
                    score += 2;
                } else {
                    contradicts = true;
                }
            }
            if (!motives.isEmpty() && !row.motives().isEmpty()) {
                long shared = row.motives().stream().filter(motives::contains).count();
                if (shared > 0) {
                    score += 4 * (int) shared;
                } else if (claimedBasis == null || row.claimedBasis() == null) {
                    contradicts = true;
                }
            }
            if (practiceType != null && row.practiceType() != null && row.practiceType().equals(practiceType)) {
                score += 1;
            }
            if (!contradicts && score > 0) {
                matches.add(new Scored(row, score, i));
            }
        }
        List<DenialReason> rows = matches.stream()
                .sorted(Comparator.comparingInt(Scored::score).reversed().thenComparingInt(Scored::order))
                .map(Scored::row).toList();
        return new Matrix(matrix.version(), matrix.customised(), matrix.defaultsVersion(), rows);
    }

    private void validateQuery(String practiceType, String claimedBasis, List<String> motives) {
        List<FieldError> errors = new ArrayList<>();
        var ruleset = engine.catalog().current();
        if (practiceType != null && !ruleset.fact("practice.type").values().contains(practiceType)) {
            errors.add(new FieldError("practiceType", "must be a catalog value of practice.type"));
        }
        if (claimedBasis != null && !ruleset.fact("practice.claimed_basis").values().contains(claimedBasis)) {
            errors.add(new FieldError("claimedBasis", "must be a catalog value of practice.claimed_basis"));
        }
        for (String motive : motives) {
            if (!ruleset.fact("practice.motive").values().contains(motive)) {
                errors.add(new FieldError("motive", "must be catalog values of practice.motive"));
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private void touch(DenialReasonMatrix stored) {
        stored.rowVersion++;
        stored.updatedBy = clinic.actor();
        stored.updatedAt = Instant.now();
        stored.persist();
    }

    private Matrix view(DenialReasonMatrix stored) {
        if (stored == null) {
            return new Matrix(0, false, defaults.version(), defaults.rows());
        }
        List<DenialReason> rows = stored.customised ? read(stored.rows) : defaults.rows();
        return new Matrix(stored.rowVersion, stored.customised, defaults.version(), rows);
    }

    private String write(List<DenialReason> rows) {
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<DenialReason> read(String text) {
        try {
            return json.readValue(text, new TypeReference<List<DenialReason>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored Denial Reason Matrix is unreadable", e);
        }
    }
}
