package org.ehiaccess.decision.engine;

import org.ehiaccess.decision.rules.logic.DeadlineStatus;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A duty with a due date: the 171.204(b) written notice, the 164.524(b)(2) action, the 171.303(a) licensing steps.
 *
 * @param dueDate ISO date, or null while the receipt date is unknown
 */
@JsonPropertyOrder({ "id", "cfr", "due_date", "status" })
public record Obligation(
        @JsonProperty("id") String id,
        @JsonProperty("cfr") String cfr,
        @JsonProperty("due_date") String dueDate,
        @JsonProperty("status") DeadlineStatus status) {
}
