package org.ehiaccess.intake.request;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.ehiaccess.platform.clinic.ClinicContext;

/**
 * Finds likely duplicates: the same patient, the same requester and an overlapping scope, received
 * within 90 days of each other (one request logged twice, e.g. by phone and by letter). They are flagged,
 * never merged.
 */
@ApplicationScoped
public class DuplicateFinder {

    static final Duration WINDOW = Duration.ofDays(90);

    private static final String PROBE = """
            select * from ehi_request
            where clinic_id = :clinic and id <> :id and requester_key = :requesterKey and %s
              and received_at between :from and :to
            order by received_at desc""";
    /** The same patient by name and birth date. */
    private static final String SAME_NAME_AND_BIRTH_DATE = PROBE.formatted("patient_key = :patientKey");
    /** The same patient by name and birth date or by the clinic's patient id. */
    private static final String SAME_PATIENT = PROBE.formatted("(patient_key = :patientKey or patient_id = :patientId)");

    @Inject
    EntityManager em;

    @Inject
    ClinicContext clinic;

    /** Earlier requests of the clinic that {@code request} probably repeats. */
    public List<EhiRequest> likelyDuplicatesOf(EhiRequest request) {
        // Native SQL because this runs on every create: Hibernate caches no query plan while a filter
        // is enabled (SqmInterpretationsKey.isCacheable), and @TenantId is one, so HQL here was
        // translated anew on each execution. The clinic condition is therefore written out.
        Query probe = em.createNativeQuery(request.patientId == null ? SAME_NAME_AND_BIRTH_DATE : SAME_PATIENT,
                EhiRequest.class)
                .setParameter("clinic", clinic.clinicId())
                .setParameter("id", request.id)
                .setParameter("requesterKey", request.requesterKey)
                .setParameter("patientKey", request.patientKey)
                .setParameter("from", request.receivedAt.minus(WINDOW))
                .setParameter("to", request.receivedAt.plus(WINDOW));
        if (request.patientId != null) {
            probe.setParameter("patientId", request.patientId);
        }
        @SuppressWarnings("unchecked")
        List<EhiRequest> candidates = probe.getResultList();
        return candidates.stream()
                .filter(other -> scopesOverlap(request, other))
                .limit(10)
                .toList();
    }

    static boolean scopesOverlap(EhiRequest a, EhiRequest b) {
        if (asksForEverything(a) || asksForEverything(b)) {
            return true;
        }
        Set<EhiClass> shared = EnumSet.copyOf(a.ehiClasses());
        shared.retainAll(b.ehiClasses());
        return !shared.isEmpty() && datesOverlap(a, b);
    }

    private static boolean asksForEverything(EhiRequest r) {
        return r.allEhi || r.ehiClasses().contains(EhiClass.full_record);
    }

    private static boolean datesOverlap(EhiRequest a, EhiRequest b) {
        // an open end is unbounded
        boolean aEndsBeforeB = a.recordsTo != null && b.recordsFrom != null && a.recordsTo.isBefore(b.recordsFrom);
        boolean bEndsBeforeA = b.recordsTo != null && a.recordsFrom != null && b.recordsTo.isBefore(a.recordsFrom);
        return !aEndsBeforeB && !bEndsBeforeA;
    }

    public static DuplicateFlag flag(UUID requestId, UUID duplicateOf, Instant at) {
        DuplicateFlag flag = new DuplicateFlag();
        flag.id = UUID.randomUUID();
        flag.requestId = requestId;
        flag.duplicateOf = duplicateOf;
        flag.status = DuplicateFlag.Status.open;
        flag.flaggedAt = at;
        return flag;
    }
}
