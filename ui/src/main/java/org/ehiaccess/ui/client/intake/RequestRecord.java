package org.ehiaccess.ui.client.intake;

import org.ehiaccess.ui.client.Labeled;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A logged request as the intake API returns it; this UI's own reading of it (consumer-owned, no
 * shared DTO jar). Fields the UI does not use are ignored. The log's rows have no clocks and no
 * duplicates (empty lists); one request's page has them.
 */
public record RequestRecord(
        UUID id,
        Instant receivedAt,
        Channel channel,
        RequesterType requesterType,
        String requesterName,
        String requesterOrganization,
        String requesterContact,
        UUID patientId,
        String patientName,
        LocalDate patientBirthDate,
        String patientMrn,
        Purpose purpose,
        List<EhiClass> ehiClasses,
        boolean allEhi,
        LocalDate recordsFrom,
        LocalDate recordsTo,
        Manner mannerRequested,
        String notes,
        String assignee,
        Verified identityVerification,
        Verified authorityVerification,
        RequestStatus status,
        String waitingFor,
        Instant waitingSince,
        Manner mannerUsed,
        Instant fulfilledAt,
        LocalDate extensionNoticeSentOn,
        String extensionReason,
        Instant nextDueAt,
        DueState dueState,
        Instant createdAt,
        String createdBy,
        int version,
        List<RequestClock> clocks,
        List<DuplicateFlag> possibleDuplicates) {

    public RequestRecord {
        // shown in the vocabulary's order, whatever order the API sends
        ehiClasses = ehiClasses == null ? List.of() : ehiClasses.stream().distinct().sorted().toList();
        clocks = clocks == null ? List.of() : List.copyOf(clocks);
        possibleDuplicates = possibleDuplicates == null ? List.of() : List.copyOf(possibleDuplicates);
    }

    /** "Lab results, Clinical notes" */
    public String ehiClassLabels() {
        return labels(ehiClasses);
    }

    /** Still being worked: not fulfilled, denied or withdrawn. */
    public boolean open() {
        return status != null && status.open();
    }

    public boolean extended() {
        return extensionNoticeSentOn != null;
    }

    /** The HIPAA 30-day clock runs (an individual's access request), and is still open. */
    public boolean hasOpenHipaaClock() {
        return clocks.stream().anyMatch(c -> c.hipaa() && c.metAt() == null);
    }

    public boolean hasOpenDuplicateFlags() {
        return possibleDuplicates.stream().anyMatch(DuplicateFlag::open);
    }

    static String labels(Collection<? extends Labeled> values) {
        return String.join(", ", values.stream().map(Labeled::label).toList());
    }
}
