package org.ehiaccess.ui.client.decision;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * decision-service's word on the request log: {@code state} applied, pending or failing; {@code message} the sentence to
 * show while it is not applied ("The request log is not updated yet: ...; it will be retried automatically.").
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IntakeUpdates(String state, String reason, String message, int waiting) {

    public boolean applied() {
        return "applied".equals(state);
    }
}
