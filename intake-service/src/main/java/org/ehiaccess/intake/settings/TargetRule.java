package org.ehiaccess.intake.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.ehiaccess.intake.request.Manner;
import org.ehiaccess.intake.request.RequesterType;

/**
 * An internal response target for requests from one requester type and/or in one manner; a blank
 * requester type or manner matches any. The most specific matching rule wins.
 */
public record TargetRule(RequesterType requesterType, Manner manner, @NotNull @Valid Deadline target) {

    boolean matches(RequesterType type, Manner asked) {
        return (requesterType == null || requesterType == type) && (manner == null || manner == asked);
    }

    int specificity() {
        return (requesterType != null ? 2 : 0) + (manner != null ? 1 : 0);
    }
}
