package org.ehiaccess.ui.client.intake;

import org.ehiaccess.ui.client.Labeled;

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

    /** Still being worked: not fulfilled, denied or withdrawn. */
    public boolean open() {
        return this != fulfilled && this != partially_fulfilled && this != denied && this != withdrawn;
    }

    /** The statuses a person can move a request to (extended comes only with the written notice). */
    public static java.util.List<RequestStatus> settable() {
        return java.util.List.of(triaged, in_review, waiting_on_requester, fulfilled, partially_fulfilled, denied, withdrawn);
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
