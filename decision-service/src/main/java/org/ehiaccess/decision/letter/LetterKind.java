package org.ehiaccess.decision.letter;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The letters a signed decision can produce, each with the rule that says what it must contain. The contents the
 * rule requires are appended by the service to whatever the clinic's template says (see {@code RequiredContent}).
 */
public enum LetterKind {
    /** A written denial in plain language: basis, review rights where they apply, how to complain (164.524(d)(2)). */
    denial("Denial of access", "45 CFR 164.524(d)(2)(i)-(iii)"),
    /** Access to everything else, with a written denial of the part withheld (164.524(d)(1)-(2)). */
    partial_fulfilment("Partial fulfillment", "45 CFR 164.524(d)(1)-(2)"),
    /** The written reasons why the request cannot be fulfilled, within 10 business days (171.204(b)). */
    infeasibility("Infeasibility notice", "45 CFR 171.204(b)"),
    /** One 30-day extension: the reasons for the delay and the date of action, within the first 30 days (164.524(b)(2)(ii)). */
    extension("Extension notice", "45 CFR 164.524(b)(2)(ii)"),
    /** The clinic does not hold the records; where to send the request, if known (164.524(d)(3)). */
    no_records("No records notice", "45 CFR 164.524(d)(3)"),
    /** The written notice of the reviewing professional's decision, upheld or reversed, given promptly (164.524(d)(4)). */
    review_outcome("Notice of the review's outcome", "45 CFR 164.524(d)(4)");

    public final String label;
    public final String cfr;

    LetterKind(String label, String cfr) {
        this.label = label;
        this.cfr = cfr;
    }

    /** A denial of some or all of the information: the 164.524(d)(2) contents are required. */
    public boolean isDenial() {
        return this == denial || this == partial_fulfilment;
    }

    public static Optional<LetterKind> parse(String text) {
        return Arrays.stream(values()).filter(k -> k.name().equals(text)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Enum::name).toList();
    }
}
