package org.ehiaccess.decision.rules.logic;

/**
 * Kleene's strong three-valued logic:
 * a missing fact makes a rule {@link #UNKNOWN} unless a definite {@link #FALSE} elsewhere settles it.
 */
public enum Tri {
    TRUE, FALSE, UNKNOWN;

    public static Tri of(boolean value) {
        return value ? TRUE : FALSE;
    }

    public static Tri of(Boolean value) {
        return value == null ? UNKNOWN : of(value.booleanValue());
    }
}
