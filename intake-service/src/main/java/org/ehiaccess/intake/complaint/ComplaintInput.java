package org.ehiaccess.intake.complaint;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;


/** A complaint as logged or updated: source, date, what is alleged, linked requests, and its resolution. */
public record ComplaintInput(
        @NotNull @PastOrPresent(message = "must not be in the future") LocalDate receivedOn,
        @NotNull Complaint.Source source,
        @Size(max = 200) String sourceName,
        @NotBlank @Size(max = 4000) String allegation,
        @Size(max = 100) Set<@NotNull UUID> requestIds,
        Complaint.Status status,
        @Size(max = 4000) String resolution,
        @PastOrPresent(message = "must not be in the future") LocalDate resolvedOn) {

    String fingerprint() {
        return String.join("|", String.valueOf(receivedOn), String.valueOf(source), sourceName, allegation,
                String.valueOf(requestIds == null ? null : new java.util.TreeSet<>(requestIds)), String.valueOf(status),
                resolution, String.valueOf(resolvedOn));
    }
}
