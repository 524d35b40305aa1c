package org.ehiaccess.ui.client.intake;

import java.time.Instant;
import java.time.LocalDate;

/** The bodies of the intake API's request changes (status, verification, extension, assignment, note, duplicate). */
public final class RequestChangeBodies {

    private RequestChangeBodies() {
    }

    public record StatusChange(String status, String waitingFor, String mannerUsed, Instant fulfilledAt, String note) {
    }

    public record Verification(String subject, String method, Instant verifiedAt) {
    }

    public record Extension(LocalDate noticeSentOn, String reasons, LocalDate expectedActionDate) {
    }

    public record Assignment(String assignee) {
    }

    public record Note(String text) {
    }

    public record DuplicateDecision(String decision) {
    }
}
