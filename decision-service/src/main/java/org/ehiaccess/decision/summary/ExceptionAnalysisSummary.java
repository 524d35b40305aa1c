package org.ehiaccess.decision.summary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The exception analysis summary of one assessment version, ready to render and print: the facts with their
 * questions, each condition met, unmet or open with its CFR paragraph and reason, the verdict in plain words ("no
 * exception covers this practice" for not_covered), the obligations with due dates, the documentation to keep, who
 * signed and when, the ruleset and its effective date, and the review if any.
 */
public record ExceptionAnalysisSummary(UUID requestId, UUID assessmentId, int version, String verdict,
        String verdictText, String summary, List<FactLine> facts, List<ExceptionLine> exceptions,
        List<ConditionLine> conditions, List<FactLine> missingFacts, List<ObligationLine> obligations, Hipaa hipaa,
        List<String> documentationRequired, List<String> warnings, Signature signature, RulesetLine ruleset,
        ReviewLine review, List<LetterLine> letters) {

    /** A fact: the question the worksheet asked and the answer given, in words. */
    public record FactLine(String id, String question, String answer, String cfr) {
    }

    /** A Part 171 exception the verdict rests on. */
    public record ExceptionLine(String id, String name, String cfr) {
    }

    /**
     * A condition and its state: met, unmet or open (a fact it needs is missing). {@code otherCandidate} marks an
     * exception that was not claimed but was evaluated too.
     */
    public record ConditionLine(String id, String exceptionId, String title, String cfr, String mark, String status,
            String requirement, String reason, boolean otherCandidate) {
    }

    public record ObligationLine(String id, String text, String cfr, LocalDate dueDate, String status) {
    }

    public record Hipaa(String status, List<String> issues) {
    }

    public record Signature(boolean signed, String signedBy, String signedRole, Instant signedAt, String createdBy,
            Instant createdAt, String updatedBy, Instant updatedAt, String determinedBy) {
    }

    public record RulesetLine(String id, String title, LocalDate effectiveDate, String catalogVersion) {
    }

    /** The review of a reviewable denial: requested, then upheld or reversed. */
    public record ReviewLine(String status, LocalDate requestedOn, String requestChannel, String requestedBy,
            Instant requestedAt, String outcome, String reasons, String reviewer, Instant decidedAt) {
    }

    public record LetterLine(UUID id, String kind, String subject, Instant createdAt, String createdBy,
            LocalDate sentOn, String sentChannel, String sha256) {
    }
}
