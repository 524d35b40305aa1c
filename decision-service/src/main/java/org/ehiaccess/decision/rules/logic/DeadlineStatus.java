package org.ehiaccess.decision.rules.logic;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an obligation stands on the evaluation date. */
public enum DeadlineStatus {
    /** Done in time. */
    MET,
    /** Done late, or not done and the due date has passed. */
    MISSED,
    /** Not done yet, and the due date has not passed. */
    PENDING,
    /** The facts do not tell (e.g. no receipt date, or an action taken on an unrecorded date). */
    UNKNOWN;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
