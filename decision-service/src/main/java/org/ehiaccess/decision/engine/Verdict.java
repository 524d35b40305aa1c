package org.ehiaccess.decision.engine;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The five verdicts an evaluation can give (the {@code verdict} of {@link Evaluation}). */
public enum Verdict {
    /** At least one exception's conditions are all met. */
    COVERED("covered by an exception"),
    /** A specific mandatory law requires the practice (171.103(a)(1)). */
    REQUIRED_BY_LAW("required by law"),
    /**
     * No exception covers this practice. This is not a finding of a violation: the knowledge standard and the facts
     * of the case still decide (the knowledge standard of 171.103(a)(2)-(3)).
     */
    NOT_COVERED("no exception covers this practice"),
    /** A decision needs more facts; {@code missing_facts} lists them. */
    NEEDS_MORE_FACTS("more facts are needed"),
    /** The information is not EHI (psychotherapy notes, litigation material), or there is no request or actor. */
    OUT_OF_SCOPE("out of scope: not electronic health information");

    private final String wording;

    Verdict(String wording) {
        this.wording = wording;
    }

    /** How the verdict is shown to people; never a label of the practice itself. */
    public String wording() {
        return wording;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
