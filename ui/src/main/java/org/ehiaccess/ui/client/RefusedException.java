package org.ehiaccess.ui.client;

/**
 * A service answered, and refused (4xx) with problem details. Retrying the same call would get the same answer, so
 * nothing retries it; pages turn it into an in-page message ({@code org.ehiaccess.ui.web.InPageProblem}).
 */
public abstract class RefusedException extends RuntimeException {

    private final ProblemDetails problem;

    protected RefusedException(String service, ProblemDetails problem) {
        super(service + " refused the call: " + problem.status() + " " + problem.title());
        this.problem = problem;
    }

    public ProblemDetails problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    /** The record changed meanwhile, or the change broke a rule about the record's state (409, 412, 428). */
    public boolean isConflict() {
        return status() == 409 || status() == 412 || status() == 428;
    }
}
