package org.ehiaccess.ui.client.intake;

import org.ehiaccess.ui.client.Labeled;

/** How a deadline counts days (the intake API's {@code unit}). */
public enum DayUnit implements Labeled {
    calendar_days("calendar days"),
    business_days("business days");

    private final String label;

    DayUnit(String label) {
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
