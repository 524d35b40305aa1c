package org.ehiaccess.ui.client.intake;

import java.time.Instant;

/** One entry of a settings or complaint audit trail, as the intake API returns it. */
public record AuditRecord(Instant occurredAt, String actor, String action, String beforeValue, String afterValue) {
}
