package org.ehiaccess.decision.letter;

import java.util.ArrayList;
import java.util.List;

import org.ehiaccess.decision.letter.LetterGrounds.Basis;

/**
 * What the law requires a letter to say, added by the service after the clinic's own text so that no template can
 * leave it out. A denial or partial fulfillment states (164.524(d)(2)): (i) the basis; (ii) where the ground is
 * reviewable, the right to a review by a licensed health care professional who took no part in the decision, and how
 * to ask (164.524(a)(4), (d)(4); 171.201(e)); (iii) how to complain to the clinic, with the contact's name or title and
 * phone number, and to the Secretary of HHS. An infeasibility notice gives the reasons (171.204(b)); an extension
 * notice the reasons and the date of action (164.524(b)(2)(ii)); a no-records notice where to send the request when
 * known (164.524(d)(3)); the notice of a review's outcome the reviewer's decision and reasons (164.524(d)(4)).
 */
public final class RequiredContent {

    /** A heading and its paragraphs. */
    public record Section(String heading, List<String> paragraphs) {
    }

    public static final String TITLE = "What the law says we must tell you";

    private RequiredContent() {
    }

    public static List<Section> sections(LetterData data) {
        List<Section> sections = new ArrayList<>();
        switch (data.kind()) {
            case denial, partial_fulfilment -> {
                List<String> why = new ArrayList<>();
                if (data.kind() == LetterKind.partial_fulfilment) {
                    why.add("We are holding back part of the information you asked for. You will get the rest.");
                }
                for (Basis basis : data.reasons()) {
                    why.add(basis.text() + " (Law: " + basis.citation() + ".)");
                }
                sections.add(new Section("Why we made this decision", why));
                if (data.reviewable()) {
                    sections.add(new Section("Your right to a review", List.of(
                            "You have the right to ask us to review this decision. A licensed health care professional"
                                    + " who did not take part in the decision will review it.",
                            howToAskForReview(data),
                            "We will tell you the result in writing. If the reviewer decides you should get the"
                                    + " information, we will give it to you. (Law: 45 CFR 164.524(a)(4) and (d)(4).)")));
                }
                sections.add(new Section("How to complain", List.of(complainToClinic(data), complainToHhs(),
                        "We will not treat you differently for making a complaint."
                                + " (Law: 45 CFR 164.524(d)(2)(iii); 45 CFR 164.530(d) and (g).)")));
            }
            case infeasibility -> {
                List<String> why = new ArrayList<>();
                for (Basis basis : data.reasons()) {
                    why.add(basis.text() + " (Law: " + basis.citation() + ".)");
                }
                sections.add(new Section("Why we cannot fulfil your request", why));
                sections.add(new Section("Questions", List.of(contactLine(data))));
            }
            case extension -> {
                sections.add(new Section("Why we need more time", List.of(data.extensionReasons())));
                sections.add(new Section("When we will act", List.of(
                        "We will act on your request by " + LetterData.format(data.actionBy()) + ". We can take extra"
                                + " time only once, and for no more than 30 days. (Law: 45 CFR 164.524(b)(2)(ii).)")));
                sections.add(new Section("Questions", List.of(contactLine(data))));
            }
            case no_records -> {
                String where = LetterData.present(data.recordsHeldBy())
                        ? "We believe these records may be held by: " + data.recordsHeldBy()
                                + ". You can send your request there."
                        : "We do not know who holds these records.";
                sections.add(new Section("Where to send your request", List.of(
                        where + " (Law: 45 CFR 164.524(d)(3).)")));
                sections.add(new Section("Questions", List.of(contactLine(data))));
            }
            case review_outcome -> {
                List<String> result = new ArrayList<>();
                for (Basis basis : data.reasons()) {
                    result.add(basis.text() + " (Law: " + basis.citation() + ".)");
                }
                sections.add(new Section("The result of the review", result));
                sections.add(new Section("How to complain", List.of(complainToClinic(data), complainToHhs(),
                        "We will not treat you differently for making a complaint."
                                + " (Law: 45 CFR 164.524(d)(2)(iii); 45 CFR 164.530(d) and (g).)")));
            }
            default -> throw new IllegalArgumentException("Unknown letter kind " + data.kind());
        }
        return sections;
    }

    /**
     * How to ask for a review. Contact details go on lines of their own, so that a phone number or an address is
     * never broken across lines in print.
     */
    static String howToAskForReview(LetterData data) {
        return "To ask for a review, call or write to:\n" + contactBlock(data);
    }

    static String complainToClinic(LetterData data) {
        return "You may make a complaint to us. Contact:\n" + contactBlock(data);
    }

    static String complainToHhs() {
        return "You may also make a complaint to the U.S. Department of Health and Human Services. Its Office for Civil"
                + " Rights takes complaints for the Secretary:\nOnline: " + LetterData.HHS_URL + "\nPhone: "
                + LetterData.HHS_PHONE;
    }

    private static String contactLine(LetterData data) {
        return "If you have questions, contact:\n" + contactBlock(data);
    }

    /** The contact's name or title, phone, and e-mail and address when known, one per line. */
    static String contactBlock(LetterData data) {
        StringBuilder block = new StringBuilder(data.contactDisplay().replaceFirst("^our ", ""));
        block.append("\nPhone: ").append(data.contactPhone());
        if (LetterData.present(data.contactEmail())) {
            block.append("\nEmail: ").append(data.contactEmail());
        }
        if (LetterData.present(data.clinicAddress())) {
            block.append("\nAddress: ").append(oneLine(data.clinicAddress()));
        }
        return block.toString();
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", ", ");
    }
}
