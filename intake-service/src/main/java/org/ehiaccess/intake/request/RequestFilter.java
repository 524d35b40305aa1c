package org.ehiaccess.intake.request;

import java.time.LocalDate;
import java.util.Set;


/**
 * What the log is filtered by. Every part is optional; dates are the clinic's local dates.
 *
 * @param due {@code due_soon} (past the clinic's warning point) or {@code overdue}
 * @param text free text over requester, organization, patient and MRN
 */
public record RequestFilter(Set<RequestStatus> statuses, Due due, RequesterType requesterType, Channel channel,
        String assignee, LocalDate receivedFrom, LocalDate receivedTo, String text, Sort sort) {

    public enum Due {
        due_soon, overdue
    }

    public enum Sort {
        /** Earliest deadline first; requests without an open clock last. */
        due,
        /** Newest first. */
        received
    }

    public static RequestFilter all() {
        return new RequestFilter(Set.of(), null, null, null, null, null, null, null, Sort.received);
    }
}
