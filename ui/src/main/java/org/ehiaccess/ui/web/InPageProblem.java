package org.ehiaccess.ui.web;

import java.util.ArrayList;
import java.util.List;

import org.ehiaccess.ui.client.ProblemDetails;
import org.ehiaccess.ui.client.RefusedException;

/**
 * A service's refusal as a page shows it: the messages at the top of the refused form, whether the page is simply out
 * of date (someone changed the record meanwhile: the page says so in its own words and shows the record as it is now),
 * and the status of the answer (422 for bad input, 409 for a conflict, 403, or 503 when the service does not offer
 * the call). The page keeps what was typed; pages branch on the problem's type, never on its English text.
 */
public record InPageProblem(List<String> messages, boolean outOfDate, int status) {

    public InPageProblem {
        messages = List.copyOf(messages);
    }

    /** The refusal as an in-page message; a refusal no page can explain (e.g. 404 of the page's own record) is thrown. */
    public static InPageProblem of(RefusedException refused) {
        ProblemDetails problem = refused.problem();
        int status = refused.status();
        if (refused.isConflict()) {
            return conflict(problem);
        }
        if (status == 400 || status == 422) {
            return new InPageProblem(inputMessages(problem), false, 422);
        }
        if (status == 401 || status == 403) {
            return new InPageProblem(List.of("Your role cannot do this. "
                    + (problem.detail() == null ? "" : problem.detail())), false, 403);
        }
        if (status == 404 || status == 405) {
            return notOffered("This step is not available yet: the decision service does not offer it.");
        }
        throw refused;
    }

    /**
     * A conflict (409, 412, 428): a page out of date gets no message of the service's (the page says "changed by
     * someone else"); a rule about the record's state (e.g. "HIPAA allows one extension only") is shown as it is.
     */
    public static InPageProblem conflict(ProblemDetails problem) {
        return new InPageProblem(problem.isOutOfDate() ? List.of() : List.of(problem.message()), problem.isOutOfDate(),
                409);
    }

    /** The service does not offer this call (404, 405 from an older version of it): nothing was saved. */
    public static InPageProblem notOffered(String message) {
        return new InPageProblem(List.of(message), false, 503);
    }

    /** Bad input: the problem's detail, then each refused field ("field: what is wrong"), or its title. */
    public static List<String> inputMessages(ProblemDetails problem) {
        List<String> messages = new ArrayList<>();
        if (problem.detail() != null) {
            messages.add(problem.detail());
        }
        problem.errors().forEach(e -> messages.add(e.field() + ": " + e.message()));
        if (messages.isEmpty()) {
            messages.add(problem.title());
        }
        return List.copyOf(messages);
    }
}
