package org.ehiaccess.ui.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A logged request as the intake API returns it; this UI's own reading of it (consumer-owned, no
 * shared DTO jar). Fields the UI does not use are ignored.
 */
public record RequestRecord(
        UUID id,
        Instant receivedAt,
        Channel channel,
        RequesterType requesterType,
        String requesterName,
        String patientName,
        LocalDate patientBirthDate,
        Purpose purpose,
        List<EhiClass> ehiClasses,
        Manner mannerRequested,
        RequestStatus status,
        Instant createdAt,
        String createdBy,
        int version) {

    public RequestRecord {
        // shown in the vocabulary's order, whatever order the API sends
        ehiClasses = ehiClasses == null ? List.of() : ehiClasses.stream().distinct().sorted().toList();
    }

    /** "Lab results, Clinical notes" */
    public String ehiClassLabels() {
        return labels(ehiClasses);
    }

    static String labels(Collection<? extends Labeled> values) {
        return String.join(", ", values.stream().map(Labeled::label).toList());
    }
}
