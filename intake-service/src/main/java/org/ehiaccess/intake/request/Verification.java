package org.ehiaccess.intake.request;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;


/** How the requester's identity (164.514(h)) or authority (164.502(g)) was verified, and when. */
public record Verification(@NotNull Subject subject, @NotNull VerificationMethod method, Instant verifiedAt) {

    public enum Subject {
        identity, authority
    }
}
