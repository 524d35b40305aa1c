package org.ehiaccess.ui.client.decision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A letter generated from a signed decision and the clinic's template, kept with the request: its kind, subject and
 * content hash, who made it, and when and how it was sent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LetterRecord(UUID id, @JsonAlias("request_id") UUID requestId, @JsonAlias("assessment_id") UUID assessmentId,
        @JsonAlias("assessment_version") Integer assessmentVersion, String kind, String subject, String sha256,
        @JsonAlias("created_at") Instant createdAt, @JsonAlias("created_by") String createdBy,
        @JsonAlias("sent_at") String sentAt, @JsonAlias("sent_channel") String sentChannel,
        @JsonAlias("sent_by") String sentBy) {

    public boolean sent() {
        return sentAt != null && !sentAt.isBlank();
    }

    /** The day it was sent ({@code sentAt} may be a date or an instant). */
    public LocalDate sentOn() {
        if (!sent()) {
            return null;
        }
        return DecisionAssessment.date(sentAt);
    }

    public String kindLabel() {
        return LetterKind.labelOf(kind);
    }

    public String channelLabel() {
        return LetterKind.channelLabel(sentChannel);
    }

    /** The first 12 characters of the hash, for the eye; the whole hash is shown beside it. */
    public String shortHash() {
        return sha256 == null ? "" : sha256.substring(0, Math.min(12, sha256.length()));
    }
}
