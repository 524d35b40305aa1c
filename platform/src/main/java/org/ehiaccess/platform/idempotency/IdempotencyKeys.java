package org.ehiaccess.platform.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.ehiaccess.platform.clinic.ClinicContext;
import org.ehiaccess.platform.problem.Problem;
import org.ehiaccess.platform.problem.ProblemException;
import org.ehiaccess.platform.problem.ProblemType;

/**
 * Makes a create safe to retry: the first POST with an {@code Idempotency-Key} creates, every retry
 * with the same key (in the same clinic) gets the first result and creates nothing.
 * <p>
 * Each service's migrations create the table {@code idempotency_key}. The key row is inserted in the
 * same transaction as the record, with {@code ON CONFLICT DO NOTHING}: a concurrent retry waits for
 * the first transaction and then finds its row, so two racing POSTs still make one record.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 200;

    @Inject
    EntityManager em;

    @Inject
    ClinicContext clinic;

    /** The outcome: the record's id, and whether this call created it. */
    public record Outcome(UUID id, boolean created) {
    }

    /**
     * Runs {@code create} once per key. {@code fingerprint} is the request body as the client meant
     * it; a reused key with a different body is refused (422) instead of silently answering with
     * another record.
     */
    @Transactional
    public Outcome createOnce(String key, String scope, String fingerprint, Supplier<UUID> create) {
        if (key == null || key.isBlank()) {
            return new Outcome(create.get(), true);
        }
        Outcome outcome = claim(key, scope, fingerprint, null);
        if (!outcome.created()) {
            return outcome;
        }
        UUID id = create.get();
        em.createNativeQuery("""
                update idempotency_key set resource_id = :id
                where clinic_id = :clinic and scope = :scope and idem_key = :key""")
                .setParameter("id", id).setParameter("clinic", clinic.clinicId())
                .setParameter("scope", scope).setParameter("key", key)
                .executeUpdate();
        return new Outcome(id, true);
    }

    /**
     * Claims {@code key} for a record that will get {@code newId}, in one statement: the caller then
     * creates the record with that id in the same transaction. Returns the first record's id when the
     * key was used before. Without a key, every call creates.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome claim(String key, String scope, String fingerprint, UUID newId) {
        if (key == null || key.isBlank()) {
            return new Outcome(newId, true);
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "must be at most " + MAX_KEY_LENGTH + " characters");
        }
        String clinicId = clinic.clinicId();
        String hash = sha256(fingerprint);
        int claimed = em.createNativeQuery("""
                insert into idempotency_key (clinic_id, scope, idem_key, request_hash, resource_id, created_at)
                values (:clinic, :scope, :key, :hash, :id, now())
                on conflict (clinic_id, scope, idem_key) do nothing""")
                .setParameter("clinic", clinicId).setParameter("scope", scope)
                .setParameter("key", key).setParameter("hash", hash).setParameter("id", newId)
                .executeUpdate();
        return claimed == 0 ? replay(clinicId, scope, key, hash) : new Outcome(newId, true);
    }

    private Outcome replay(String clinicId, String scope, String key, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select request_hash, resource_id from idempotency_key
                where clinic_id = :clinic and scope = :scope and idem_key = :key""")
                .setParameter("clinic", clinicId).setParameter("scope", scope).setParameter("key", key)
                .getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw new ProblemException(Problem.of(ProblemType.IDEMPOTENCY_KEY_REUSED, 422, "Idempotency key reused",
                    "This Idempotency-Key was already used for a different request. Use a new key for a new request."));
        }
        UUID id = Optional.ofNullable(row[1]).map(v -> v instanceof UUID u ? u : UUID.fromString(v.toString()))
                .orElseThrow(() -> ProblemException.conflict(ProblemType.IDEMPOTENCY_KEY_IN_PROGRESS, "The first request with this Idempotency-Key is still being processed"));
        return new Outcome(id, false);
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
