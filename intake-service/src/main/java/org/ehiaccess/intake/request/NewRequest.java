package org.ehiaccess.intake.request;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;


/**
 * The body of {@code POST /api/v1/requests}: a request as the front desk or an integration logs it.
 * The patient is either a known patient of the clinic ({@code patientId}) or named with date of
 * birth (and MRN when known). Cross-field rules are in {@link org.ehiaccess.intake.request.RequestRules}.
 */
public record NewRequest(
        @NotNull Instant receivedAt,
        @NotNull Channel channel,
        @NotNull RequesterType requesterType,
        @Size(max = 200) String requesterName,
        @Size(max = 200) String requesterOrganization,
        @Size(max = 500) String requesterContact,
        UUID patientId,
        @Size(max = 200) String patientName,
        @PastOrPresent(message = "must not be in the future") LocalDate patientBirthDate,
        @Size(max = 64) String patientMrn,
        Purpose purpose,
        Set<@NotNull EhiClass> ehiClasses,
        Boolean allEhi,
        LocalDate recordsFrom,
        LocalDate recordsTo,
        Manner mannerRequested,
        @Size(max = 4000) String notes,
        @Size(max = 100) String assignee) {

    public boolean asksForAllEhi() {
        return Boolean.TRUE.equals(allEhi);
    }

    /** The same request always gives the same text, whatever the order of its classes (for idempotency). */
    public String fingerprint() {
        return String.join("|", String.valueOf(receivedAt), String.valueOf(channel), String.valueOf(requesterType),
                requesterName, requesterOrganization, requesterContact, String.valueOf(patientId), patientName,
                String.valueOf(patientBirthDate), patientMrn, String.valueOf(purpose),
                String.valueOf(ehiClasses == null ? null : new TreeSet<>(ehiClasses)), String.valueOf(allEhi),
                String.valueOf(recordsFrom), String.valueOf(recordsTo), String.valueOf(mannerRequested), notes,
                assignee);
    }
}
