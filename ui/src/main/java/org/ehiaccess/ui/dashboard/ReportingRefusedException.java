package org.ehiaccess.ui.dashboard;

/** reporting-service refused the call (4xx): an answer, never retried. */
public class ReportingRefusedException extends RuntimeException {

    private final int status;

    public ReportingRefusedException(int status) {
        super("reporting-service refused the call: " + status);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
