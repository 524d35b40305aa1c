package org.ehiaccess.ui.client.intake;

import org.ehiaccess.ui.client.Labeled;

/** Where a deadline clock stands (the intake API's {@code state} / {@code dueState}). */
public enum DueState implements Labeled {
    on_track("On track"),
    due_soon("Due soon"),
    overdue("Overdue"),
    met("Met");

    private final String label;

    DueState(String label) {
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
