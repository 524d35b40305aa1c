package org.ehiaccess.ui.dashboard;

/** reporting-service could not be reached or failed (5xx, connection refused, timeout). Worth a retry. */
public class ReportingUnavailableException extends RuntimeException {

    public ReportingUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
