package org.ehiaccess.ui.client.intake;

import org.ehiaccess.ui.client.Labeled;

/** Where a complaint stands (the intake API's complaint {@code status}). */
public enum ComplaintStatus implements Labeled {
    open("Open"),
    investigating("Investigating"),
    resolved("Resolved"),
    withdrawn("Withdrawn");

    private final String label;

    ComplaintStatus(String label) {
        this.label = label;
    }

    public boolean closed() {
        return this == resolved || this == withdrawn;
    }

    @Override
    public String wire() {
        return name();
    }

    @Override
    public String label() {
        return label;
    }
}
