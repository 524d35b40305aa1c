package org.ehiaccess.intake.duplicate;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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
        List<EhiRequest> candidates = EhiRequest.list("""
                id <> ?1 and patientBirthDate = ?2 and receivedAt between ?3 and ?4
                order by receivedAt desc""",
                request.id, request.patientBirthDate,
                request.receivedAt.minus(WINDOW), request.receivedAt.plus(WINDOW));
        return candidates.stream()
                .filter(other -> samePatient(request, other))
                .filter(other -> normalized(request.requesterName).equals(normalized(other.requesterName)))
                .filter(other -> scopesOverlap(request, other))
                .limit(10)
                .toList();
    }

    static boolean samePatient(EhiRequest a, EhiRequest b) {
        if (a.patientId != null && b.patientId != null) {
            return a.patientId.equals(b.patientId);
        }
        return normalized(a.patientName).equals(normalized(b.patientName));
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

    static String normalized(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
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
