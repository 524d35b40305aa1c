package org.ehiaccess.ui.client.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code POST /api/v1/requests} and {@code PUT /api/v1/requests/{id}}. Choice fields travel
 * as the wire values the person picked, unchecked: the intake API owns validation and names each bad
 * field in its problem details. (The API refuses unknown fields: these are exactly its names.)
 */
public record NewRequestBody(
        Instant receivedAt,
        String channel,
        String requesterType,
        String requesterName,
        String requesterOrganization,
        String requesterContact,
        UUID patientId,
        String patientName,
        LocalDate patientBirthDate,
        String patientMrn,
        String purpose,
        List<String> ehiClasses,
        Boolean allEhi,
        LocalDate recordsFrom,
        LocalDate recordsTo,
        String mannerRequested,
        String notes,
        String assignee) {
}
