package org.ehiaccess.decision.letter;

import java.util.List;

/**
 * The names a letter template can use ({@link LetterData#model()}), for the template editor and the README. Every
 * value is text (empty when unknown), a yes/no for {@code {#if}}, or a list for {@code {#for}}.
 */
public final class LetterDataModel {

    /** One name and what it holds. */
    public record Name(String name, String type, String description) {
    }

    public static final List<Name> NAMES = List.of(
            new Name("letter.kind", "text", "denial, partial_fulfilment, infeasibility, extension, no_records or review_outcome"),
            new Name("letter.title", "text", "e.g. Denial of access"),
            new Name("letter.date", "text", "the date of the letter, e.g. December 1, 2026"),
            new Name("request.id", "text", "the request's id in the request log"),
            new Name("request.reference", "text", "a short reference to quote, e.g. REQ-3F2A9C1E"),
            new Name("request.receivedOn", "text", "the date the request was received (empty when not recorded)"),
            new Name("request.hasReceivedOn", "yes/no", "whether the receipt date is known"),
            new Name("recipient.name", "text", "who the letter is to"),
            new Name("recipient.address", "text", "their address (may be several lines)"),
            new Name("clinic.name", "text", "the clinic's name (letter settings)"),
            new Name("clinic.address", "text", "the clinic's address (letter settings)"),
            new Name("clinic.phone", "text", "the contact's phone number (letter settings)"),
            new Name("contact.name", "text", "the privacy contact's name (may be empty)"),
            new Name("contact.title", "text", "the privacy contact's title (may be empty)"),
            new Name("contact.phone", "text", "the privacy contact's phone number"),
            new Name("contact.email", "text", "the privacy contact's e-mail (may be empty)"),
            new Name("contact.display", "text", "name and title together, e.g. Jordan Lee (Privacy Officer)"),
            new Name("decision.version", "number", "the version of the signed decision"),
            new Name("decision.verdict", "text", "covered, required_by_law, out_of_scope, not_covered or needs_more_facts"),
            new Name("decision.verdictText", "text", "the verdict in plain words"),
            new Name("decision.basis", "text", "the basis of the decision in plain words"),
            new Name("decision.citation", "text", "the CFR paragraphs of the basis"),
            new Name("decision.reviewable", "yes/no", "whether the individual may have the decision reviewed"),
            new Name("decision.exceptions", "list", "the Part 171 exceptions relied on, each with id and name"),
            new Name("decision.signedBy", "text", "who signed the decision"),
            new Name("decision.signedOn", "text", "the date it was signed"),
            new Name("decision.ruleset", "text", "the version of the rules it was made under"),
            new Name("review.available", "yes/no", "the same as decision.reviewable"),
            new Name("review.howToAsk", "text", "how to ask for a review (empty when not reviewable)"),
            new Name("complaint.clinic", "text", "how to complain to the clinic"),
            new Name("complaint.hhs", "text", "how to complain to HHS"),
            new Name("hhs.name", "text", LetterData.HHS_NAME),
            new Name("hhs.url", "text", LetterData.HHS_URL),
            new Name("hhs.phone", "text", LetterData.HHS_PHONE),
            new Name("extension.reasons", "text", "extension letters: the reasons for the delay"),
            new Name("extension.actionBy", "text", "extension letters: the date by which the clinic will act"),
            new Name("records.whereToSend", "text", "no-records letters: who may hold the records (may be empty)"),
            new Name("note", "text", "the note written when the letter was generated (may be empty)"));

    private LetterDataModel() {
    }
}
