package org.ehiaccess.ui.client;

/** Where a request stands (the intake API's {@code status}). */
public enum RequestStatus implements Labeled {
    received("Received"),
    triaged("Triaged"),
    in_review("In review"),
    waiting_on_requester("Waiting on requester"),
    extended("Extended"),
    fulfilled("Fulfilled"),
    partially_fulfilled("Partially fulfilled"),
    denied("Denied"),
    withdrawn("Withdrawn");

    private final String label;

    RequestStatus(String label) {
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
