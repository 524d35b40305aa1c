package org.ehiaccess.ui.client.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The body of {@code POST /api/v1/complaints} and {@code PUT /api/v1/complaints/{id}}. */
public record ComplaintBody(LocalDate receivedOn, String source, String sourceName, String allegation,
        List<UUID> requestIds, String status, String resolution, LocalDate resolvedOn) {
}
