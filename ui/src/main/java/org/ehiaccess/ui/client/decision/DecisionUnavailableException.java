package org.ehiaccess.ui.client.decision;

/** decision-service could not be reached or failed (5xx, connection refused, timeout). Worth a retry. */
public class DecisionUnavailableException extends RuntimeException {

    public DecisionUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
