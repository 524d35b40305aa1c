package org.ehiaccess.intake.request;

/** Where a request stands in its lifecycle. */
public enum RequestStatus {
    received, triaged, in_review, waiting_on_requester, extended, fulfilled, partially_fulfilled, denied, withdrawn;

    public boolean isOpen() {
        return this != fulfilled && this != partially_fulfilled && this != denied && this != withdrawn;
    }

    /** Withholds some or all of the information: only a signed decision that supports it may set it. */
    public boolean needsSupportingDecision() {
        return this == denied || this == partially_fulfilled;
    }
}
