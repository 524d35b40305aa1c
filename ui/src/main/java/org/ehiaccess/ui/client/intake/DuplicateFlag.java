package org.ehiaccess.ui.client.intake;

import java.time.Instant;
import java.util.UUID;

/** "This request looks like that earlier one", for a person to confirm or dismiss; never merged. */
public record DuplicateFlag(UUID flagId, UUID duplicateOf, String status, String decidedBy, Instant decidedAt) {

    public boolean open() {
        return "open".equals(status);
    }

    /** "Open", "Confirmed", "Dismissed" */
    public String statusLabel() {
        return status == null || status.isEmpty() ? "" : Character.toUpperCase(status.charAt(0)) + status.substring(1);
    }
}
