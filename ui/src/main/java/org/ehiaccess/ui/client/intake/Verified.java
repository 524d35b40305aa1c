package org.ehiaccess.ui.client.intake;

import java.time.Instant;

/** How, by whom and when identity or authority was verified. */
public record Verified(VerificationMethod method, String by, Instant at) {
}
