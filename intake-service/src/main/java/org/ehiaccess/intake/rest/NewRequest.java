package org.ehiaccess.intake.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.ehiaccess.intake.request.Channel;
import org.ehiaccess.intake.request.EhiClass;
import org.ehiaccess.intake.request.Manner;
import org.ehiaccess.intake.request.Purpose;
import org.ehiaccess.intake.request.RequesterType;

/** The body of {@code POST /api/v1/requests}: a request as the front desk or an integration logs it. */
public record NewRequest(
        @NotNull @PastOrPresent(message = "must not be in the future") Instant receivedAt,
        @NotNull Channel channel,
        @NotNull RequesterType requesterType,
        @NotBlank @Size(max = 200) String requesterName,
        @NotBlank @Size(max = 200) String patientName,
        @NotNull @PastOrPresent(message = "must not be in the future") LocalDate patientBirthDate,
        Purpose purpose,
        @NotEmpty Set<@NotNull EhiClass> ehiClasses,
        Manner mannerRequested) {

    /** The same request always gives the same text, whatever the order of its classes (for idempotency). */
    public String fingerprint() {
        return String.join("|", String.valueOf(receivedAt), String.valueOf(channel), String.valueOf(requesterType),
                requesterName, patientName, String.valueOf(patientBirthDate), String.valueOf(purpose),
                String.valueOf(ehiClasses == null ? null : new TreeSet<>(ehiClasses)), String.valueOf(mannerRequested));
    }
}
