package org.ehiaccess.ui.client.intake;

import org.ehiaccess.ui.client.Labeled;

/** Why they ask (the intake API's {@code purpose}). */
public enum Purpose implements Labeled {
    individual_access("Patient's own access (right of access)"),
    treatment("Treatment"),
    payment("Payment"),
    operations("Health care operations"),
    legal_proceeding("Legal proceeding"),
    law_enforcement_investigation("Law enforcement investigation"),
    research("Research"),
    public_health("Public health"),
    other("Other"),
    unknown("Unknown");

    private final String label;

    Purpose(String label) {
        this.label = label;
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
