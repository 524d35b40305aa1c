package org.ehiaccess.ui.client;

/** A value of the intake API's vocabulary: its wire value and the words a clinic uses for it. */
public interface Labeled {

    /** The value as the API sends and receives it, e.g. {@code other_provider_treatment}. */
    String wire();

    /** The value in the clinic's words, e.g. "Other provider (treatment)". */
    String label();
}
