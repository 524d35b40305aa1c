package org.ehiaccess.reporting.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The quarterly denial review's records as the API shows and takes them. */
public final class Review {

    private Review() {
    }

    /** A tally sheet answer. */
    public enum Answer {
        yes, no, na
    }

    /** The tally sheet's questions, in the order the sheet asks them (the JSON field names). */
    public static final List<String> QUESTIONS = List.of("exceptionCited", "matrixLine", "worksheetComplete",
            "signedBeforeLetter", "letterContent", "sentOnTime", "consistent");

    /** {@code POST /api/v1/reviews}: the quarter; the size and seed when the reviewer chooses them. */
    public record Draw(String quarter, Integer size, Long seed, String zone) {
    }

    /**
     * One item's tally sheet (each answer null until given): the exception (or other basis) cited in the decision,
     * the Denial Reason Matrix line named, the worksheet complete, the decision signed before the letter went out,
     * the letter holding the required content (164.524(d)(2)), sent on time, consistent with similar requests.
     */
    public record Tally(Answer exceptionCited, Answer matrixLine, Answer worksheetComplete, Answer signedBeforeLetter,
            Answer letterContent, Answer sentOnTime, Answer consistent, String comment) {

        List<Answer> answers() {
            return java.util.Arrays.asList(exceptionCited, matrixLine, worksheetComplete, signedBeforeLetter,
                    letterContent, sentOnTime, consistent);
        }

        boolean complete() {
            return answers().stream().allMatch(java.util.Objects::nonNull);
        }

        boolean finding() {
            return answers().contains(Answer.no);
        }
    }

    /** A follow-up action: who owns it (an account id), by when, and what. */
    public record Action(String ownerId, LocalDate dueOn, String text) {
    }

    /** {@code PUT /api/v1/reviews/{id}}: the meeting notes and the follow-up actions, both replaced. */
    public record Meeting(String meetingNotes, List<Action> actions) {
    }

    /** A sampled request: what the figures said of it when drawn, and its tally sheet. */
    public record Item(UUID requestId, int position, String stratum, String status, String legalBasis,
            String exceptionCode, String hipaaGround, String requesterType, Instant receivedAt, Instant closedAt,
            Tally tally, boolean complete, long version) {
    }

    /** How many items of a group were sampled, and how many have at least one "no" on their sheet. */
    public record Group(int items, int withFindings) {
    }

    /** The answers to one question over every item. */
    public record Answers(int yes, int no, int na, int open) {
    }

    /** Totals by legal basis, exception and requester type, and by tally question. */
    public record Totals(Map<String, Group> byBasis, Map<String, Group> byException, Map<String, Group> byRequesterType,
            Map<String, Answers> byQuestion, int itemsComplete) {
    }

    /** A review in full. {@code version} is also its ETag; each item has its own. */
    public record View(UUID id, String quarter, String zone, long seed, Integer requestedSize, int size,
            int population, String selection, List<Sampler.Stratum> strata, String meetingNotes, List<Action> actions,
            List<Item> items, Totals totals, String createdBy, Instant createdAt, String signedBy, Instant signedAt,
            boolean locked, long version) {
    }

    /** A review in a list. */
    public record Summary(UUID id, String quarter, int size, int population, String createdBy, Instant createdAt,
            String signedBy, Instant signedAt, long version) {
    }
}
