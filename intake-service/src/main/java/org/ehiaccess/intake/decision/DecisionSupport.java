package org.ehiaccess.intake.decision;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * decision-service's answer: whether the request's signed decision supports the status, the decision it rests on,
 * why (or what is missing), and whether the written denial (164.524(d)(2)) was sent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionSupport(boolean supported, UUID assessmentId, String reason, boolean denialLetterSent) {
}
