package org.ehiaccess.ui.client.decision;

import org.ehiaccess.ui.client.ProblemDetails;

/**
 * decision-service answered, and refused (4xx): bad facts, not found, not allowed, a signed (locked) assessment, a
 * stale version. Retrying the same call would get the same answer, so nothing retries it.
 */
public class DecisionRefusedException extends RuntimeException {

    private final ProblemDetails problem;

    public DecisionRefusedException(ProblemDetails problem) {
        super("decision-service refused the call: " + problem.status() + " " + problem.title());
        this.problem = problem;
    }

    public ProblemDetails problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }
}
