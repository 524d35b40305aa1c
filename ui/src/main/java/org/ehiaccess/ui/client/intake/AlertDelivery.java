package org.ehiaccess.ui.client.intake;

import org.ehiaccess.ui.client.Labeled;

/** How a supervisor gets alert mail (the intake API's {@code delivery}). */
public enum AlertDelivery implements Labeled {
    each("Each alert as it is raised"),
    daily_digest("One daily digest");

    private final String label;

    AlertDelivery(String label) {
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
