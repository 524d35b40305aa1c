package org.ehiaccess.ui.client.intake;

import java.util.List;

/**
 * What the request log is filtered and sorted by, in the intake API's query parameter names and
 * values. Empty parts are left out (null).
 */
public record LogQuery(List<String> statuses, String due, String requesterType, String channel, String assignee,
        String receivedFrom, String receivedTo, String q, String sort) {

    public LogQuery {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }
}
