package org.ehiaccess.ui.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /api/v1/requests}. Choice fields travel as the wire values the person
 * picked, unchecked: the intake API owns validation and names each bad field in its problem details.
 */
public record NewRequestBody(
        Instant receivedAt,
        String channel,
        String requesterType,
        String requesterName,
        String patientName,
        LocalDate patientBirthDate,
        String purpose,
        List<String> ehiClasses,
        String mannerRequested) {
}
