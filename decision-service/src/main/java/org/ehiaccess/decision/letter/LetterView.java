package org.ehiaccess.decision.letter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.ehiaccess.decision.intake.IntakeEffects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A letter's record: {@code sha256} is the SHA-256 of the stored PDF (hex), {@code htmlSha256} that of the stored
 * HTML. {@code sentOn} is the date it was sent, {@code sentAt} when that was recorded. {@code intakeUpdated} and
 * {@code intakeMessage} appear only on the answer to marking it sent.
 */
public record LetterView(UUID id, UUID requestId, UUID assessmentId, int assessmentVersion, String kind,
        String subject, String recipientName, String recipientAddress, boolean templateCustomised, String sha256,
        String htmlSha256, Instant createdAt, String createdBy, LocalDate sentOn, Instant sentAt, String sentChannel,
        String sentBy, String htmlUrl, String pdfUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean intakeUpdated,
        @JsonInclude(JsonInclude.Include.NON_NULL) String intakeMessage) {

    static LetterView of(Letter l, IntakeEffects.Outcome intake) {
        String base = "/api/v1/requests/" + l.requestId + "/letters/" + l.id;
        return new LetterView(l.id, l.requestId, l.assessmentId, l.assessmentVersion, l.kind, l.subject,
                l.recipientName, l.recipientAddress, l.templateCustomised, l.pdfSha256, l.htmlSha256, l.createdAt,
                l.createdBy, l.sentOn, l.sentAt, l.sentChannel, l.sentBy, base + "/html", base + "/pdf",
                intake == null ? null : intake.updated(), intake == null ? null : intake.message());
    }

    public static LetterView of(Letter l) {
        return of(l, null);
    }
}
