package org.ehiaccess.intake.duplicate;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.ehiaccess.intake.request.EhiClass;
import org.ehiaccess.intake.request.EhiRequest;

/**
 * Finds likely duplicates: the same patient, the same requester and an overlapping scope, received
 * within 90 days of each other (ARCHITECTURE.md data flow 1). They are flagged, never merged.
 */
@ApplicationScoped
public class DuplicateFinder {

    static final Duration WINDOW = Duration.ofDays(90);

    /** Earlier requests of the clinic that {@code request} probably repeats. */
    public List<EhiRequest> likelyDuplicatesOf(EhiRequest request) {
        // the same requester, and the same patient by name and birth date or by the clinic's patient id
        List<EhiRequest> candidates = EhiRequest.list("""
                id <> ?1 and requesterKey = ?2 and (patientKey = ?3 or patientId = ?4)
                and receivedAt between ?5 and ?6
                order by receivedAt desc""",
                request.id, request.requesterKey, request.patientKey, request.patientId,
                request.receivedAt.minus(WINDOW), request.receivedAt.plus(WINDOW));
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
