package org.ehiaccess.ui.client.intake;

/** The intake API could not be reached or failed (5xx, connection refused, timeout). Worth a retry. */
public class IntakeUnavailableException extends RuntimeException {

    public IntakeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
